import type { Tokens } from '../../api/tokens';

/** The dealer's own tokens, kept aside while a proxy session uses the customer's. */
export const DEALER_TOKENS_KEY = 'lc.auth.dealer';

export interface DealerSessionAside {
  tokens: Tokens;
  /** The customer the proxy session acts as: where "Exit" returns to. */
  customerId: string;
}

export function readDealerSession(): DealerSessionAside | null {
  try {
    const raw = localStorage.getItem(DEALER_TOKENS_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<DealerSessionAside>;
    return v.tokens && typeof v.tokens.accessToken === 'string' && typeof v.customerId === 'string'
      ? (v as DealerSessionAside)
      : null;
  } catch {
    return null;
  }
}

export function writeDealerSession(v: DealerSessionAside): void {
  localStorage.setItem(DEALER_TOKENS_KEY, JSON.stringify(v));
}

export function clearDealerSession(): void {
  localStorage.removeItem(DEALER_TOKENS_KEY);
}
