import { createContext } from 'react';
import type { LoginResponse, SessionUser } from '@lc/shared';
import type { SessionEndReason } from '../../api/client';

export type SessionStatus = 'anonymous' | 'loading' | 'authenticated' | 'error';

export interface SessionState {
  status: SessionStatus;
  /** Set when `status` is `authenticated`. */
  user: SessionUser | null;
  /** Why loading the user failed (`status` `error`). */
  error: unknown;
  retry: () => void;
  /** Stores the tokens of a successful login. */
  signIn: (res: LoginResponse) => void;
  /** Ends the session on the server (best effort), forgets it here and goes to the login page. */
  signOut: (reason?: SessionEndReason) => Promise<void>;
  /** Why the last session ended, until the next sign-in (the login page says it). */
  endedReason?: SessionEndReason;
}

export const SessionContext = createContext<SessionState | null>(null);

export const ME_KEY = ['auth', 'me'] as const;
