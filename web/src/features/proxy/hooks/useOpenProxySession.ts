import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { openProxySession } from '../../../api/accounts';
import { readTokens } from '../../../api/tokens';
import { homePathFor } from '../../../app/homePath';
import { useSession } from '../../auth/hooks/useSession';
import { writeDealerSession } from '../dealerTokens';

/**
 * `POST /api/proxy-sessions`, then switches the app to the customer's token (the dealer's own are
 * kept aside for "Exit") and goes to the customer's home.
 */
export function useOpenProxySession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { signIn } = useSession();
  return useMutation({
    mutationFn: openProxySession,
    onSuccess: (res) => {
      const own = readTokens();
      if (own) writeDealerSession({ tokens: own, customerId: res.customerId });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' });
      signIn({ accessToken: res.accessToken, refreshToken: res.refreshToken, user: res.user });
      navigate(homePathFor(res.user.role), { replace: true });
    },
  });
}
