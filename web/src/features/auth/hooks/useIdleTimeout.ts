import { useEffect, useRef } from 'react';
import { markActivity, readLastActivity } from '../activity';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** Activity is written to storage at most this often. */
const WRITE_EVERY_MS = 5_000;
const CHECK_EVERY_MS = 5_000;

/**
 * Calls `onIdle` once after `minutes` without user activity in any tab. Disabled while `minutes` is
 * undefined (config not loaded yet or nobody signed in).
 */
export function useIdleTimeout(minutes: number | undefined, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    const timeoutMs = minutes * 60_000;
    let lastWrite = 0;
    let fired = false;
    if (readLastActivity() === null) markActivity();

    const onActivity = () => {
      const now = Date.now();
      if (now - lastWrite >= WRITE_EVERY_MS) {
        lastWrite = now;
        markActivity(now);
      }
    };
    const check = () => {
      const last = readLastActivity() ?? Date.now();
      if (!fired && Date.now() - last >= timeoutMs) {
        fired = true;
        onIdleRef.current();
      }
    };

    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    check();
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes]);
}
