import { ErrorCode, type LoginResponse } from '@lc/shared';
import { ApiError } from './ApiError';
import { clearTokens, readTokens, writeTokens, type Tokens } from './tokens';

/** Why the client gave up on the session: `idle` when the server reports the idle timeout. */
export type SessionEndReason = 'idle' | 'expired' | 'deactivated' | 'suspended';

type SessionEndedListener = (reason: SessionEndReason) => void;
type TokensRefreshedListener = (res: LoginResponse) => void;

const sessionEndedListeners = new Set<SessionEndedListener>();
const refreshedListeners = new Set<TokensRefreshedListener>();

/** Called once the client has given up on the session (refresh refused); tokens are already cleared. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** Called after a successful token refresh with the fresh user. */
export function onTokensRefreshed(listener: TokensRefreshedListener): () => void {
  refreshedListeners.add(listener);
  return () => refreshedListeners.delete(listener);
}

/** Why the server ended the session, from its error code. */
function endReason(code: number | undefined): SessionEndReason {
  if (code === ErrorCode.SESSION_IDLE_TIMEOUT) return 'idle';
  if (code === ErrorCode.DEALER_SUSPENDED) return 'suspended';
  return 'expired';
}

function endSession(reason: SessionEndReason): void {
  clearTokens();
  for (const l of sessionEndedListeners) l(reason);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Send no token and never try a refresh (login, refresh, public endpoints). */
  anonymous?: boolean;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Refreshes the tokens once for all concurrent callers (and, where the browser supports Web Locks,
 * once for all tabs: a refresh token is single-use, and presenting it twice revokes the session).
 */
function refreshTokens(failedWith: string | undefined): Promise<boolean> {
  if (!refreshing) {
    const run = () => doRefresh(failedWith);
    const locked =
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request('lc.auth.refresh', run)
        : run();
    refreshing = locked.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function doRefresh(failedWith: string | undefined): Promise<boolean> {
  const current = readTokens();
  if (!current) return false;
  // Another tab (or an earlier caller) already rotated the tokens: just retry with the new ones.
  if (failedWith !== undefined && current.accessToken !== failedWith) return true;
  let res: Response;
  try {
    res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
  } catch {
    // Offline: keep the session, the caller sees the original 401.
    return false;
  }
  if (!res.ok) {
    const err = await ApiError.fromResponse(res);
    if (res.status === 401 || res.status === 403) {
      endSession(endReason(err.code));
    }
    return false;
  }
  const body = (await res.json()) as LoginResponse;
  writeTokens({ accessToken: body.accessToken, refreshToken: body.refreshToken });
  for (const l of refreshedListeners) l(body);
  return true;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function send(url: string, opts: RequestOptions, tokens: Tokens | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (tokens && !opts.anonymous) headers.Authorization = `Bearer ${tokens.accessToken}`;
  try {
    return await fetch(url, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw ApiError.network(e);
  }
}

/**
 * Calls the API. Adds `Authorization: Bearer`; on a 401 refreshes the tokens once and retries; if
 * that fails the session ends (listeners registered with `onSessionEnded` are told why).
 */
export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiResponse(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Like `apiRequest` but hands back the successful response (for CSV downloads and printable pages). */
export async function apiResponse(path: string, opts: RequestOptions = {}): Promise<Response> {
  const url = buildUrl(path, opts.query);
  const tokens = opts.anonymous ? null : readTokens();
  let res = await send(url, opts, tokens);
  if (res.status === 401 && !opts.anonymous && tokens) {
    const refreshed = await refreshTokens(tokens.accessToken);
    if (refreshed) {
      res = await send(url, opts, readTokens());
      if (res.status === 401) {
        const err = await ApiError.fromResponse(res);
        endSession(endReason(err.code));
        throw err;
      }
    }
  }
  if (!res.ok) throw await ApiError.fromResponse(res);
  return res;
}
