import type { DealerOverview, DealerView, OperatorOverview } from '@lc/shared';
import { apiRequest } from './client';

export function getOperatorOverview(signal?: AbortSignal): Promise<OperatorOverview> {
  return apiRequest<OperatorOverview>('/operator/overview', { signal });
}
export function getDealerOverview(id: string, signal?: AbortSignal): Promise<DealerOverview> {
  return apiRequest<DealerOverview>(`/operator/dealers/${encodeURIComponent(id)}`, { signal });
}
/** Suspends a dealer (operator); suspending a suspended one changes nothing. */
export function suspendDealer(id: string, reason?: string): Promise<DealerView> {
  return apiRequest<DealerView>(`/operator/dealers/${encodeURIComponent(id)}/suspend`, {
    method: 'POST',
    body: reason ? { reason } : {},
  });
}
/** Lifts a dealer's suspension (operator). */
export function reinstateDealer(id: string): Promise<DealerView> {
  return apiRequest<DealerView>(`/operator/dealers/${encodeURIComponent(id)}/reinstate`, {
    method: 'POST',
    body: {},
  });
}
