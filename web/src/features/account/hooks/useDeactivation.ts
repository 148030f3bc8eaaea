import { useMutation, useQuery } from '@tanstack/react-query';
import { deactivateAccount, getDeactivationImpact } from '../../../api/accounts';

/** `GET /api/account/deactivation-impact`: what deactivating would remove; loaded when the dialog opens. */
export function useDeactivationImpact(enabled: boolean) {
  return useQuery({
    queryKey: ['account', 'deactivation-impact'],
    queryFn: getDeactivationImpact,
    enabled,
    staleTime: 0,
  });
}

/** `POST /api/account/deactivate`. */
export function useDeactivateAccount() {
  return useMutation({ mutationFn: deactivateAccount });
}
