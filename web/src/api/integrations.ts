import type {
  ApiKeyCreated,
  ApiKeyView,
  WebhookDeliveryView,
  WebhookEndpointCreated,
  WebhookEndpointView,
  WebhookEventType,
} from '@lc/shared';
import { apiRequest } from './client';

export function listWebhooks(signal?: AbortSignal): Promise<WebhookEndpointView[]> {
  return apiRequest('/webhooks', { signal });
}
export function createWebhook(body: {
  url: string;
  events: WebhookEventType[];
}): Promise<WebhookEndpointCreated> {
  return apiRequest('/webhooks', { method: 'POST', body });
}
export function updateWebhook(
  id: string,
  body: { url?: string; events?: WebhookEventType[]; enabled?: boolean },
): Promise<WebhookEndpointView> {
  return apiRequest(`/webhooks/${id}`, { method: 'PATCH', body });
}
export function deleteWebhook(id: string): Promise<void> {
  return apiRequest(`/webhooks/${id}`, { method: 'DELETE' });
}
export function rotateWebhookSecret(
  id: string,
): Promise<{ secret: string; previousSecretExpiresAt: string }> {
  return apiRequest(`/webhooks/${id}/rotate-secret`, { method: 'POST' });
}
export function sendTestEvent(id: string): Promise<{ deliveryId: string; eventId: string }> {
  return apiRequest(`/webhooks/${id}/test`, { method: 'POST' });
}
export function listDeliveries(id: string, signal?: AbortSignal): Promise<WebhookDeliveryView[]> {
  return apiRequest(`/webhooks/${id}/deliveries`, { signal });
}
export function redeliver(id: string, deliveryId: string): Promise<void> {
  return apiRequest(`/webhooks/${id}/deliveries/${deliveryId}/redeliver`, { method: 'POST' });
}

export function listApiKeys(signal?: AbortSignal): Promise<ApiKeyView[]> {
  return apiRequest('/api-keys', { signal });
}
export function createApiKey(body: { name: string }): Promise<ApiKeyCreated> {
  return apiRequest('/api-keys', { method: 'POST', body });
}
export function revokeApiKey(id: string): Promise<void> {
  return apiRequest(`/api-keys/${id}`, { method: 'DELETE' });
}
