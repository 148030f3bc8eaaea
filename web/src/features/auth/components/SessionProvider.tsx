import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse } from '@lc/shared';
import { getMe, logout } from '../../../api/auth';
import { onSessionEnded, onTokensRefreshed, type SessionEndReason } from '../../../api/client';
import { clearTokens, readTokens, TOKENS_KEY, writeTokens } from '../../../api/tokens';
import { readStoredLanguage } from '../../../app/i18n/languageStorage';
import { useLang } from '../../../app/i18n/useLang';
import { usePublicConfig } from '../../config/hooks/usePublicConfig';
import { markActivity } from '../activity';
import { useIdleTimeout } from '../hooks/useIdleTimeout';
import { ME_KEY, SessionContext, type SessionState } from '../sessionContext';

function loginPath(reason?: SessionEndReason): string {
  return reason ? `/login?reason=${reason}` : '/login';
}

/** Holds who is signed in; must sit inside the router (it navigates to the login page). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setLang } = useLang();
  const [hasTokens, setHasTokens] = useState(() => readTokens() !== null);
  const ending = useRef(false);
  const [endedReason, setEndedReason] = useState<SessionEndReason | undefined>(undefined);

  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => getMe(signal),
    enabled: hasTokens,
    staleTime: 5 * 60_000,
  });

  const forget = useCallback(
    (reason?: SessionEndReason) => {
      clearTokens();
      navigate(loginPath(reason), { replace: true });
      // RequireAuth, seeing no session before the navigation lands, sends to the same address.
      setEndedReason(reason);
      setHasTokens(false);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' });
    },
    [navigate, queryClient],
  );

  const signIn = useCallback(
    (res: LoginResponse) => {
      ending.current = false;
      setEndedReason(undefined);
      writeTokens({ accessToken: res.accessToken, refreshToken: res.refreshToken });
      markActivity();
      queryClient.setQueryData(ME_KEY, res.user);
      setHasTokens(true);
      // A language chosen on this device wins; otherwise the user's own.
      if (!readStoredLanguage()) setLang(res.user.language);
    },
    [queryClient, setLang],
  );

  const signOut = useCallback(
    async (reason?: SessionEndReason) => {
      if (ending.current) return;
      ending.current = true;
      const tokens = readTokens();
      if (tokens) {
        try {
          await logout(tokens.refreshToken);
        } catch {
          // The server may already have ended the session; signing out here is what matters.
        }
      }
      forget(reason);
    },
    [forget],
  );

  // The API client gave up on the session (refresh refused, e.g. after the server-side idle timeout).
  useEffect(
    () =>
      onSessionEnded((reason) => {
        if (ending.current) return;
        ending.current = true;
        forget(reason);
      }),
    [forget],
  );

  useEffect(() => onTokensRefreshed((res) => queryClient.setQueryData(ME_KEY, res.user)), [queryClient]);

  // Signing in or out in another tab.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== TOKENS_KEY) return;
      if (e.newValue === null) {
        ending.current = true;
        forget();
      } else if (e.oldValue === null) {
        ending.current = false;
        setHasTokens(true);
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [forget, queryClient]);

  const config = usePublicConfig();
  const signedIn = hasTokens && me.data !== undefined;
  useIdleTimeout(signedIn ? config.data?.idleTimeoutMinutes : undefined, () => void signOut('idle'));

  const { data: user, isError, error, refetch } = me;
  const value = useMemo<SessionState>(() => {
    const status = !hasTokens ? 'anonymous' : user ? 'authenticated' : isError ? 'error' : 'loading';
    return {
      status,
      user: hasTokens ? (user ?? null) : null,
      error,
      retry: () => void refetch(),
      signIn,
      signOut,
      endedReason,
    };
  }, [hasTokens, user, isError, error, refetch, signIn, signOut, endedReason]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
