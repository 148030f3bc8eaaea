/** Access and refresh token of the signed-in user, kept in localStorage so that tabs share them. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export const TOKENS_KEY = 'lc.auth';

export function readTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(TOKENS_KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as Partial<Tokens>;
    return typeof t.accessToken === 'string' && typeof t.refreshToken === 'string'
      ? { accessToken: t.accessToken, refreshToken: t.refreshToken }
      : null;
  } catch {
    return null;
  }
}

export function writeTokens(tokens: Tokens): void {
  localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
}

export function clearTokens(): void {
  localStorage.removeItem(TOKENS_KEY);
}
