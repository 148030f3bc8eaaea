/**
 * Last user activity (mouse, keys, touch), shared between tabs through localStorage so that working
 * in one tab keeps the others signed in.
 */
export const ACTIVITY_KEY = 'lc.lastActivity';

export function readLastActivity(): number | null {
  const v = Number(localStorage.getItem(ACTIVITY_KEY));
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function markActivity(now = Date.now()): void {
  try {
    localStorage.setItem(ACTIVITY_KEY, String(now));
  } catch {
    // ignore: the timer in this tab still works from memory
  }
}
