import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reinstateDealer, suspendDealer } from '../../../api/operator';
import { DEALERS_KEY } from './useDealers';

/** Suspend and reinstate a dealer (operator); refreshes the dealer list, detail and home figures. */
export function useDealerSuspension(id: string) {
  const qc = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['operator'] }),
      qc.invalidateQueries({ queryKey: DEALERS_KEY }),
    ]);
  };
  const suspend = useMutation({
    mutationFn: (reason: string | undefined) => suspendDealer(id, reason),
    onSuccess: refresh,
  });
  const reinstate = useMutation({
    mutationFn: () => reinstateDealer(id),
    onSuccess: refresh,
  });
  return { suspend, reinstate };
}
