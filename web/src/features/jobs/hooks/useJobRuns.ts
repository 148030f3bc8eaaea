import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JobName } from '@lc/shared';
import { listJobRuns } from '../../../api/jobs';

export const JOB_RUNS_KEY = ['jobs', 'runs'] as const;

/** Recent runs of the scheduled jobs (`GET /api/jobs/runs`), optionally of one job. */
export function useJobRuns(name: JobName | undefined, limit = 100) {
  return useQuery({
    queryKey: [...JOB_RUNS_KEY, { name, limit }],
    queryFn: ({ signal }) => listJobRuns({ name, limit }, signal),
    placeholderData: keepPreviousData,
    // A run started with "Run now" may still be going: look again until it has finished.
    refetchInterval: (query) => (query.state.data?.some((r) => r.outcome === 'running') ? 3_000 : false),
  });
}
