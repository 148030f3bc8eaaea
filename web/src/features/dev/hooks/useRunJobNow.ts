import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runJobNow } from '../../../api/dev';
import { JOB_RUNS_KEY } from '../../jobs/hooks/useJobRuns';

/** `POST /api/dev/jobs/:name/run`, then reloads the job runs. */
export function useRunJobNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runJobNow,
    onSettled: () => queryClient.invalidateQueries({ queryKey: JOB_RUNS_KEY }),
  });
}
