import { useMutation } from '@tanstack/react-query';
import { changeEmail } from '../../../api/accounts';

/** `POST /api/auth/change-email`: mails a confirmation link to the new address. */
export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
