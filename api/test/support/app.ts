import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { login, startApp, type TestApp } from '../harness.js';

/**
 * The boilerplate of an integration spec in one call: the app starts before the file's tests
 * (its own database), closes after them, and the clock goes back to real time after each test.
 * Returns the app; it is usable inside tests and hooks (not at import time).
 *
 *   const t = useTestApp();
 *   const token = signIn(t);
 */
export function useTestApp(opts: Parameters<typeof startApp>[0] = {}): TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startApp(opts);
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(() => app?.clock.set(null));
  return new Proxy({} as TestApp, {
    get(_target, key: keyof TestApp) {
      if (!app) throw new Error('useTestApp: the app starts in beforeAll; use it inside tests and hooks');
      return app[key];
    },
  });
}

/** A sign-in helper bound to the app: the access token of a login name (password as made). */
export function signIn(t: TestApp): (loginName: string, password?: string) => Promise<string> {
  return async (loginName, password) => (await login(t, loginName, password)).accessToken;
}
