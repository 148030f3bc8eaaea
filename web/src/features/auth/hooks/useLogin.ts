import { useMutation } from '@tanstack/react-query';
import { login } from '../../../api/auth';
import { useSession } from './useSession';

/** `POST /api/auth/login`; on success the session holds the tokens and the user. */
export function useLogin() {
  const { signIn } = useSession();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => signIn(res),
  });
}
