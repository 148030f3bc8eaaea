import type { EntityManager } from 'typeorm';
import type { WebhookEventType } from '@lc/shared';

/**
 * The webhook outbox (issue #17). Every function here is ONE set-based statement that runs in
 * the caller's transaction, so an event exists exactly when its fact committed: it turns the
 * fact's rows into events of the dealers that have an enabled endpoint subscribed to the type,
 * and one pending delivery per such endpoint. A dealer without a subscribed endpoint gets no
 * row at all, and when no dealer has one the statement stops at a one-time filter (no scan of
 * the fact's rows). Events are unique per (dealer, dedupe key), so a fact recorded twice (a
 * re-run, a second replica) is one event.
 *
 * Feature code calls these with one line; they need no injection (only the `em`).
 */

/** An ISO-8601 UTC string of a timestamptz column, as the API writes times. */
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Inserts events and deliveries. `source` selects `(dealer_id uuid, type text, dedupe_key text,
 * data jsonb)` and may use `$1…$n` (its `params`) and the CTE `ep` (subscribed endpoints:
 * `id, dealer_id, events`) to skip dealers without one. Returns the number of deliveries queued.
 */
export async function recordWebhookEvents(
  em: EntityManager,
  types: readonly string[],
  source: string,
  params: unknown[],
  at: Date,
): Promise<number> {
  const t = params.length + 1;
  const a = params.length + 2;
  const r = (await em.query(
    `WITH ep AS MATERIALIZED (
       SELECT id, dealer_id, events FROM webhook_endpoint
        WHERE status = 'enabled' AND deleted_at IS NULL AND events && $${t}::text[]
     ), src AS (
       SELECT * FROM (${source}) s WHERE EXISTS (SELECT 1 FROM ep)
     ), ev AS (
       INSERT INTO webhook_event (dealer_id, type, dedupe_key, data, created_at)
       SELECT s.dealer_id, s.type, s.dedupe_key, s.data, $${a} FROM src s
        WHERE EXISTS (SELECT 1 FROM ep WHERE ep.dealer_id = s.dealer_id AND s.type = ANY(ep.events))
       ON CONFLICT (dealer_id, dedupe_key) DO NOTHING
       RETURNING id, dealer_id, type
     ), d AS (
       INSERT INTO webhook_delivery (event_id, endpoint_id, next_attempt_at, retry_from, created_at)
       SELECT ev.id, ep.id, $${a}, $${a}, $${a} FROM ev JOIN ep ON ep.dealer_id = ev.dealer_id AND ev.type = ANY(ep.events)
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM d`,
    [...params, types, at],
  )) as { n: number }[];
  return r[0]?.n ?? 0;
}

/** `customer.created` for one customer (to its dealer). */
export function customerCreatedEvent(em: EntityManager, customerId: string, at: Date): Promise<number> {
  return recordWebhookEvents(
    em,
    ['customer.created'],
    `SELECT c.dealer_id, 'customer.created' AS type, 'customer.created:' || c.id AS dedupe_key,
            jsonb_build_object('customerId', c.id, 'name', c.name, 'email', u.email, 'language', u.language,
                               'timeZone', u.time_zone, 'createdAt', ${iso('c.created_at')}) AS data
       FROM customer c
       LEFT JOIN LATERAL (SELECT email, language, time_zone FROM app_user
                           WHERE customer_id = c.id AND role = 'customer' ORDER BY created_at LIMIT 1) u ON true
      WHERE c.id = $1`,
    [customerId],
    at,
  );
}

/** `license.assigned` for one assignment (to the selling dealer). */
export function licensesAssignedEvent(em: EntityManager, assignmentId: string, at: Date): Promise<number> {
  return recordWebhookEvents(
    em,
    ['license.assigned'],
    `SELECT a.dealer_id, 'license.assigned' AS type, 'license.assigned:' || a.id AS dedupe_key,
            jsonb_build_object('assignmentId', a.id, 'customerId', a.customer_id, 'skuCode', s.code,
                               'kind', s.kind, 'quantity', a.quantity, 'assignedAt', ${iso('a.assigned_at')},
                               'freeUntil', ${iso('a.free_until')}, 'endsAt', ${iso('a.ends_at')},
                               'licenseIds', (SELECT COALESCE(jsonb_agg(l.id ORDER BY l.id), '[]')
                                                FROM license l WHERE l.assignment_id = a.id)) AS data
       FROM license_assignment a JOIN sku s ON s.id = a.sku_id
      WHERE a.id = $1`,
    [assignmentId],
    at,
  );
}

/** `order.updated` for one order in its current status (to the buyer and a supplying dealer). */
export function orderUpdatedEvent(em: EntityManager, orderId: string, at: Date): Promise<number> {
  return recordWebhookEvents(
    em,
    ['order.updated'],
    `SELECT x.dealer_id, 'order.updated' AS type, 'order.updated:' || o.id || ':' || o.status AS dedupe_key,
            jsonb_build_object('orderId', o.id, 'number', o.number, 'status', o.status, 'role', x.role,
                               'buyerDealerId', o.buyer_dealer_id, 'supplierDealerId', o.supplier_dealer_id,
                               'subtotal', o.subtotal, 'tax', o.tax, 'total', o.total,
                               'amountPaid', o.amount_paid, 'updatedAt', ${iso('o.updated_at')}) AS data
       FROM purchase_order o
      CROSS JOIN LATERAL (VALUES (o.buyer_dealer_id, 'buyer'), (o.supplier_dealer_id, 'supplier')) x(dealer_id, role)
      WHERE o.id = $1 AND x.dealer_id IS NOT NULL`,
    [orderId],
    at,
  );
}

/** `invoice.issued` for one invoice (to the buyer and an issuing dealer). */
export function invoiceIssuedEvent(em: EntityManager, invoiceId: string, at: Date): Promise<number> {
  return recordWebhookEvents(
    em,
    ['invoice.issued'],
    `SELECT x.dealer_id, 'invoice.issued' AS type, 'invoice.issued:' || i.id AS dedupe_key,
            jsonb_build_object('invoiceId', i.id, 'number', i.number, 'orderId', i.order_id, 'role', x.role,
                               'issuerName', i.issuer_name, 'buyerName', i.buyer_name,
                               'issuedAt', ${iso('i.issued_at')}, 'dueAt', ${iso('i.due_at')},
                               'subtotal', i.subtotal, 'tax', i.tax, 'total', i.total) AS data
       FROM invoice i
      CROSS JOIN LATERAL (VALUES (i.buyer_dealer_id, 'buyer'), (i.issuer_dealer_id, 'issuer')) x(dealer_id, role)
      WHERE i.id = $1 AND x.dealer_id IS NOT NULL`,
    [invoiceId],
    at,
  );
}

/** `device.anomaly` for newly opened maintenance incidents (to the maintaining dealer). */
export function deviceAnomalyEvents(
  em: EntityManager,
  incidents: { id: string }[],
  at: Date,
): Promise<number> {
  if (!incidents.length) return Promise.resolve(0);
  return recordWebhookEvents(
    em,
    ['device.anomaly'],
    `SELECT i.dealer_id, 'device.anomaly' AS type, 'device.anomaly:' || i.id AS dedupe_key,
            jsonb_build_object('incidentId', i.id, 'deviceId', i.device_id, 'customerId', i.customer_id,
                               'kind', i.kind, 'serial', d.serial, 'model', d.model, 'deviceName', d.name,
                               'openedAt', ${iso('i.opened_at')}) AS data
       FROM maintenance_incident i JOIN device d ON d.id = i.device_id
      WHERE i.id = ANY($1::uuid[])`,
    [incidents.map((i) => i.id)],
    at,
  );
}

/**
 * The expiry sweep's and `bindFree`'s events for one batch, ONE statement: `license.expired`,
 * `license.bound` and `camera.lapsed` of these customers' licenses whose state changed at `now`
 * in this transaction (the sweep stamps `updated_at = now` on what it expires and binds). Call it
 * after the batch's updates, inside the batch's transaction, with the batch's customer ids.
 */
export function sweepEvents(em: EntityManager, customerIds: string[], now: Date): Promise<number> {
  if (!customerIds.length) return Promise.resolve(0);
  const lic = `jsonb_build_object('licenseId', l.id, 'customerId', l.customer_id, 'cameraId', l.camera_id,
                                  'deviceId', cam.device_id, 'skuCode', s.code, 'kind', l.kind,
                                  'assignedAt', ${iso('l.assigned_at')}, 'endsAt', ${iso('l.ends_at')})`;
  const types: WebhookEventType[] = ['license.expired', 'license.bound', 'camera.lapsed'];
  return recordWebhookEvents(
    em,
    types,
    `SELECT l.selling_dealer_id AS dealer_id,
            CASE l.state WHEN 'expired' THEN 'license.expired' ELSE 'license.bound' END AS type,
            CASE l.state WHEN 'expired' THEN 'license.expired:' || l.id
                 ELSE 'license.bound:' || l.id || ':' || l.camera_id END AS dedupe_key,
            ${lic} AS data
       FROM license l JOIN sku s ON s.id = l.sku_id LEFT JOIN camera cam ON cam.id = l.camera_id
      WHERE l.customer_id = ANY($1::uuid[]) AND l.state IN ('expired', 'bound') AND l.updated_at = $2
        AND l.selling_dealer_id IN (SELECT dealer_id FROM ep)
     UNION ALL
     SELECT l.selling_dealer_id, 'camera.lapsed', 'camera.lapsed:' || cam.id || ':' || ${iso('cam.lapsed_at')},
            jsonb_build_object('cameraId', cam.id, 'deviceId', cam.device_id, 'customerId', cam.customer_id,
                               'licenseId', l.id, 'lapsedAt', ${iso('cam.lapsed_at')})
       FROM license l JOIN camera cam ON cam.id = l.camera_id
      WHERE l.customer_id = ANY($1::uuid[]) AND l.state = 'expired' AND l.updated_at = $2
        AND cam.lapsed_at IS NOT NULL AND cam.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM license b WHERE b.camera_id = cam.id AND b.state = 'bound')
        AND l.selling_dealer_id IN (SELECT dealer_id FROM ep)`,
    [customerIds, now],
    now,
  );
}

/**
 * `license.expiring` on the dealer reminder thresholds (90/60/30/14 days, 24 hours), ONE
 * statement: for every valid license ending within 90 days of a subscribed dealer, the most
 * recent threshold that is due (after downtime only the latest, never a stale one), once per
 * (license, threshold). `daysLeft` is whole days until `ends_at`.
 */
export function licensesExpiringEvents(em: EntityManager, now: Date): Promise<number> {
  return recordWebhookEvents(
    em,
    ['license.expiring'],
    `SELECT l.selling_dealer_id AS dealer_id, 'license.expiring' AS type,
            'license.expiring:' || l.id || ':' || t.threshold AS dedupe_key,
            jsonb_build_object('licenseId', l.id, 'customerId', l.customer_id, 'cameraId', l.camera_id,
                               'skuCode', s.code, 'kind', l.kind, 'state', l.state,
                               'endsAt', ${iso('l.ends_at')}, 'threshold', t.threshold,
                               'daysLeft', floor(extract(epoch FROM l.ends_at - $1::timestamptz) / 86400)::int) AS data
       FROM license l JOIN sku s ON s.id = l.sku_id
      CROSS JOIN LATERAL (SELECT CASE WHEN l.ends_at - $1::timestamptz <= interval '24 hours' THEN '24h'
                                      WHEN l.ends_at - $1::timestamptz <= interval '14 days' THEN '14d'
                                      WHEN l.ends_at - $1::timestamptz <= interval '30 days' THEN '30d'
                                      WHEN l.ends_at - $1::timestamptz <= interval '60 days' THEN '60d'
                                      ELSE '90d' END AS threshold) t
      WHERE l.selling_dealer_id IN (SELECT dealer_id FROM ep)
        AND l.state IN ('assigned', 'bound') AND l.ends_at > $1 AND l.ends_at <= $1::timestamptz + interval '90 days'`,
    [now],
    now,
  );
}
