import { afterEach, beforeAll } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { TestApp } from '../harness.js';

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * For specs that drive the device simulator over real HTTP: the app listens on a free local port
 * before the file's tests (`base()` is its URL), and whatever is handed to `track` (a simulator)
 * is stopped after each test, before the clock goes back to real time.
 *
 *   const t = useTestApp();
 *   const host = useListeningApp(t);
 *   const sim = host.track(new Simulator({ url: host.base(), … }));
 */
export function useListeningApp(t: TestApp): { base(): string; track<S extends Stoppable>(s: S): S } {
  let base = '';
  const running: Stoppable[] = [];
  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
    t.clock.set(null);
  });
  return {
    base: () => base,
    track: (s) => {
      running.push(s);
      return s;
    },
  };
}
