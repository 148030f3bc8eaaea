/** Dealer integrations (issue #17): webhook endpoints, deliveries and API keys. */

/** Every event type a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'license.assigned',
  'license.bound',
  'license.expiring',
  'license.expired',
  'camera.lapsed',
  'order.updated',
  'invoice.issued',
  'device.anomaly',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The type of the event "send a test event" delivers (to one endpoint only, never subscribed). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export function isWebhookEventType(t: unknown): t is WebhookEventType {
  return typeof t === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(t);
}

/** A dealer keeps at most this many webhook endpoints and this many live API keys. */
export const WEBHOOK_ENDPOINTS_MAX = 10;
export const API_KEYS_MAX = 20;
/** What an API key is for, at most this many characters. */
export const API_KEY_NAME_MAX = 64;

export type WebhookEndpointStatus = 'enabled' | 'disabled';
export type WebhookDeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed';

/** `GET /api/webhooks` item. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEventType[];
  status: WebhookEndpointStatus;
  /** Why it is disabled: by a person, or after 5 days of failed deliveries. */
  disabledReason: 'manual' | 'failing' | null;
  /** Deliveries have failed without a success since then. */
  failingSince: string | null;
  /** Until then the previous secret signs too (after a rotation). */
  previousSecretExpiresAt: string | null;
  createdAt: string;
}

/** `POST /api/webhooks` answer: the secret is shown only here (and after a rotation). */
export interface WebhookEndpointCreated extends WebhookEndpointView {
  secret: string;
}

/** `GET /api/webhooks/:id/deliveries` item (newest first). */
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** The first characters of the receiver's last answer. */
  lastResponseExcerpt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface WebhookAttemptView {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

/** `GET /api/webhooks/:id/deliveries/:deliveryId`: the delivery, its event body and every attempt. */
export interface WebhookDeliveryDetail extends WebhookDeliveryView {
  body: WebhookEventBody;
  attemptLog: WebhookAttemptView[];
}

/** What a receiver gets (Standard Webhooks): stable `id`, same on every attempt. */
export interface WebhookEventBody {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** `GET /api/api-keys` item. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/api-keys` answer: the key is shown only here. */
export interface ApiKeyCreated extends ApiKeyView {
  key: string;
}
