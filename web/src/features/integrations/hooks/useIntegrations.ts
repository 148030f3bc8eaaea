import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookEventType } from '@lc/shared';
import {
  createApiKey,
  createWebhook,
  deleteWebhook,
  listApiKeys,
  listDeliveries,
  listWebhooks,
  redeliver,
  revokeApiKey,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from '../../../api/integrations';

const WEBHOOKS_KEY = ['integrations', 'webhooks'] as const;
const KEYS_KEY = ['integrations', 'api-keys'] as const;
const deliveriesKey = (id: string) => ['integrations', 'deliveries', id] as const;

/** `GET /api/webhooks`. */
export function useWebhooks() {
  return useQuery({ queryKey: WEBHOOKS_KEY, queryFn: ({ signal }) => listWebhooks(signal) });
}

/** `GET /api/webhooks/:id/deliveries` (refreshes every 10 s while shown). */
export function useDeliveries(endpointId: string) {
  return useQuery({
    queryKey: deliveriesKey(endpointId),
    queryFn: ({ signal }) => listDeliveries(endpointId, signal),
    refetchInterval: 10_000,
  });
}

/** Create, change, rotate, test, delete an endpoint; redeliver one delivery. */
export function useWebhookActions() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['integrations'] });
  return {
    create: useMutation({
      mutationFn: (b: { url: string; events: WebhookEventType[] }) => createWebhook(b),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (v: { id: string; url?: string; events?: WebhookEventType[]; enabled?: boolean }) =>
        updateWebhook(v.id, { url: v.url, events: v.events, enabled: v.enabled }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => deleteWebhook(id), onSuccess: refresh }),
    rotate: useMutation({ mutationFn: (id: string) => rotateWebhookSecret(id), onSuccess: refresh }),
    test: useMutation({ mutationFn: (id: string) => sendTestEvent(id), onSuccess: refresh }),
    redeliver: useMutation({
      mutationFn: (v: { endpointId: string; deliveryId: string }) => redeliver(v.endpointId, v.deliveryId),
      onSuccess: refresh,
    }),
  };
}

/** `GET /api/api-keys` (owners only). */
export function useApiKeys(enabled: boolean) {
  return useQuery({ queryKey: KEYS_KEY, queryFn: ({ signal }) => listApiKeys(signal), enabled });
}

export function useApiKeyActions() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: KEYS_KEY });
  return {
    create: useMutation({ mutationFn: (name: string) => createApiKey({ name }), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: (id: string) => revokeApiKey(id), onSuccess: refresh }),
  };
}
