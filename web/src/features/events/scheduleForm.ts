import { scheduleProblem, type NotificationSchedule } from '@lc/shared';

/** Field → problem of a schedule being edited (empty when valid): the API's rule, shown per field. */
export function scheduleErrors(s: NotificationSchedule): Partial<Record<'days' | 'from' | 'to', string>> {
  const out: Partial<Record<'days' | 'from' | 'to', string>> = {};
  for (const field of ['days', 'from', 'to'] as const) {
    // Check each field with the others made valid, so every wrong field is reported at once.
    const probe: NotificationSchedule = {
      days: field === 'days' ? s.days : [1],
      from: field === 'from' ? s.from : '00:00',
      to: field === 'to' ? s.to : '00:00',
    };
    const p = scheduleProblem(probe);
    if (p) out[field] = p;
  }
  return out;
}
