import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Language, SessionUser } from '@lc/shared';
import { updateMe } from '../../../api/auth';
import { ME_KEY } from '../sessionContext';

/** Saves the language on the account (`PATCH /api/auth/me`). */
export function useUpdateLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => updateMe({ language }),
    onSuccess: (user) => queryClient.setQueryData<SessionUser>(ME_KEY, user),
  });
}
