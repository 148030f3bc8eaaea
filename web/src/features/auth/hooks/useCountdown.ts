import { useEffect, useState } from 'react';

/** Milliseconds left until `until` (an ISO instant), ticking every second; 0 once passed. */
export function useCountdown(until: string | undefined): number | null {
  const target = until ? Date.parse(until) : NaN;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (Number.isNaN(target)) return;
    const timer = window.setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= target) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [target]);
  if (Number.isNaN(target)) return null;
  return Math.max(0, target - now);
}
