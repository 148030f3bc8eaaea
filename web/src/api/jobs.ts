import type { JobName, JobRunView } from '@lc/shared';
import { apiRequest } from './client';

export function listJobRuns(
  query: { name?: JobName; limit?: number },
  signal?: AbortSignal,
): Promise<JobRunView[]> {
  return apiRequest<JobRunView[]>('/jobs/runs', { query, signal });
}
