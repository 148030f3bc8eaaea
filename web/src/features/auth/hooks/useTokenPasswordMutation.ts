import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';

/** Posts `{token, password}` to one of the public account routes, then goes to sign in. */
export function useTokenPasswordMutation(call: (body: { token: string; password: string }) => Promise<void>) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: call,
    onSuccess: () => navigate('/login?done=password-set', { replace: true }),
  });
}
