import { useContext } from 'react';
import { SessionContext, type SessionState } from '../sessionContext';

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** The signed-in user; only for components rendered behind `RequireAuth`. */
export function useCurrentUser() {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
