import type { RenewalRequestStatus, RenewalRequestView } from '@lc/shared';
import { apiRequest } from './client';

// A customer's renewal requests to its dealer (SPEC §8).
export function listRenewalRequests(
  status: RenewalRequestStatus | undefined,
  signal?: AbortSignal,
): Promise<RenewalRequestView[]> {
  return apiRequest<RenewalRequestView[]>('/renewal-requests', { query: { status }, signal });
}
export function createRenewalRequest(body: { cameraId: string; note?: string }): Promise<RenewalRequestView> {
  return apiRequest<RenewalRequestView>('/renewal-requests', { method: 'POST', body });
}
export function handleRenewalRequest(id: string): Promise<RenewalRequestView> {
  return apiRequest<RenewalRequestView>(`/renewal-requests/${encodeURIComponent(id)}/handle`, {
    method: 'POST',
  });
}
