import { useCallback, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { closeProxySession } from '../../../api/accounts';
import { getMe } from '../../../api/auth';
import { writeTokens } from '../../../api/tokens';
import { useSession } from '../../auth/hooks/useSession';
import { ME_KEY } from '../../auth/sessionContext';
import { clearDealerSession, readDealerSession } from '../dealerTokens';

export type ProxyEndReason = 'exited' | 'expired';

/** Ends the proxy session (`DELETE /api/proxy-sessions/current`) and restores the dealer's own. */
export function useExitProxySession(): (reason: ProxyEndReason) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { signOut } = useSession();
  const busy = useRef(false);
  return useCallback(
    async (reason: ProxyEndReason) => {
      if (busy.current) return;
      busy.current = true;
      try {
        if (reason === 'exited') {
          try {
            await closeProxySession();
          } catch {
            // Already closed or expired on the server: restoring the dealer is what matters.
          }
        }
        const aside = readDealerSession();
        if (!aside) {
          await signOut();
          return;
        }
        clearDealerSession();
        writeTokens(aside.tokens);
        let me;
        try {
          me = await getMe();
        } catch {
          await signOut('expired');
          return;
        }
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' });
        queryClient.setQueryData(ME_KEY, me);
        navigate(`/customers/${aside.customerId}`, { replace: true, state: { proxyEnded: reason } });
      } finally {
        busy.current = false;
      }
    },
    [navigate, queryClient, signOut],
  );
}
