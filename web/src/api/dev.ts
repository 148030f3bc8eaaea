import type { JobName, JobRunView, MailView } from '@lc/shared';
import { apiRequest } from './client';

/** Service time; `overridden` when a developer has moved the clock. */
export interface DevClock {
  now: string;
  overridden: boolean;
}

export function getDevClock(signal?: AbortSignal): Promise<DevClock> {
  return apiRequest<DevClock>('/dev/clock', { signal });
}

export function listMail(to: string, signal?: AbortSignal): Promise<MailView[]> {
  return apiRequest<MailView[]>('/dev/mailbox', { query: { to }, signal });
}

export function runJobNow(name: JobName): Promise<{ run: JobRunView }> {
  return apiRequest<{ run: JobRunView }>(`/dev/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' });
}
