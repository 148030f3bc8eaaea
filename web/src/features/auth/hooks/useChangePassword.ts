import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@lc/shared';
import { changePassword } from '../../../api/auth';
import { ME_KEY } from '../sessionContext';

/** `POST /api/auth/change-password`; clears `mustChangePassword` on success. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      queryClient.setQueryData<SessionUser>(ME_KEY, (u) => (u ? { ...u, mustChangePassword: false } : u));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
