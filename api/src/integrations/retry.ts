/**
 * Delivery retry rules (issue #17), pure. A failed attempt is retried after a growing delay
 * with jitter — 30 s, 1 min, 2 min … doubling, capped at 6 h, each ×(0.8…1.2) — until 3 days
 * (by the service's clock) have passed since the delivery was created; the attempt due after
 * that is the last. An endpoint whose deliveries have failed for 5 days without a success is
 * disabled.
 */
export const RETRY_FOR_MS = 3 * 24 * 3_600_000;
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
const FIRST_MS = 30_000;
const CAP_MS = 6 * 3_600_000;

/** Delay after the n-th failed attempt (n ≥ 1); `random` in [0, 1) gives the jitter. */
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(FIRST_MS * 2 ** Math.max(0, attempt - 1), CAP_MS);
  return Math.round(base * (0.8 + 0.4 * random));
}

/** When to try again after the n-th failed attempt, or null when the delivery has failed for good. */
export function nextAttemptAt(createdAt: Date, attempt: number, now: Date, random: number): Date | null {
  if (now.getTime() - createdAt.getTime() >= RETRY_FOR_MS) return null;
  return new Date(now.getTime() + retryDelayMs(attempt, random));
}
