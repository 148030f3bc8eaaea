export const JOB_NAMES = [
  'expiry-sweep',
  'reminders',
  'device-liveness',
  'webhooks',
  'event-retention',
] as const;
export type JobName = (typeof JOB_NAMES)[number];
export function isJobName(n: unknown): n is JobName {
  return typeof n === 'string' && (JOB_NAMES as readonly string[]).includes(n);
}

export interface JobRunView {
  id: string;
  name: JobName;
  slot: string | null;
  trigger: 'schedule' | 'manual';
  startedAt: string;
  finishedAt: string | null;
  /** `abandoned`: the process running it died (killed, crashed) before it finished. */
  outcome: 'running' | 'succeeded' | 'failed' | 'abandoned';
  counts: Record<string, number>;
  error: string | null;
}

export interface MailView {
  id: string;
  to: string;
  subject: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  text: string;
  html: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  sentAt: string | null;
  createdAt: string;
}
