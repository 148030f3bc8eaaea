import type { DealerOverview, OperatorOverview } from '@lc/shared';
import { apiRequest } from './client';

export function getOperatorOverview(signal?: AbortSignal): Promise<OperatorOverview> {
  return apiRequest<OperatorOverview>('/operator/overview', { signal });
}
export function getDealerOverview(id: string, signal?: AbortSignal): Promise<DealerOverview> {
  return apiRequest<DealerOverview>(`/operator/dealers/${encodeURIComponent(id)}`, { signal });
}
