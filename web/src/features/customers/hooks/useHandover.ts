import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answerHandover } from '../../../api/accounts';
import { ME_KEY } from '../../auth/sessionContext';

/** The customer's answer to "reset the password now?" (`POST /api/customers/me/handover`). */
export function useHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reset: boolean) => answerHandover(reset),
    onSuccess: (_res, reset) => {
      if (reset) void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
