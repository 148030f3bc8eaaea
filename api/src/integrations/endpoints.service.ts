import { isIP } from 'node:net';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  WEBHOOK_ENDPOINTS_MAX,
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryDetail,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEndpointCreated,
  type WebhookEndpointView,
  type WebhookEventType,
} from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { AuditService } from '../common/audit/audit.service.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { refuseAddress, urlProblem } from './address-policy.js';
import { eventBody, WebhookDeliveryService } from './delivery.service.js';
import { newWebhookSecret } from './secrets.js';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhooks.dto.js';

/** After a rotation the previous secret keeps signing this long. */
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  status: 'enabled' | 'disabled';
  disabled_reason: 'manual' | 'failing' | null;
  failing_since: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  type: string;
  status: 'pending' | 'sending' | 'retrying' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_response_excerpt: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  created_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(e: EndpointRow, now: Date): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    status: e.status,
    disabledReason: e.disabled_reason,
    failingSince: iso(e.failing_since),
    previousSecretExpiresAt:
      e.previous_secret_expires_at && e.previous_secret_expires_at > now
        ? iso(e.previous_secret_expires_at)
        : null,
    createdAt: e.created_at.toISOString(),
  };
}

/** A claimed delivery shows as what it was before the claim. */
function deliveryStatus(d: DeliveryRow): WebhookDeliveryStatus {
  if (d.status === 'sending') return d.attempts > 1 ? 'retrying' : 'pending';
  return d.status;
}

function deliveryView(d: DeliveryRow): WebhookDeliveryView {
  return {
    id: d.id,
    eventId: d.event_id,
    type: d.type,
    status: deliveryStatus(d),
    attempts: d.attempts,
    lastStatusCode: d.last_status_code,
    lastError: d.last_error,
    lastResponseExcerpt: d.last_response_excerpt,
    lastAttemptAt: iso(d.last_attempt_at),
    nextAttemptAt: d.status === 'pending' || d.status === 'retrying' ? iso(d.next_attempt_at) : null,
    createdAt: d.created_at.toISOString(),
  };
}

const DELIVERY_SELECT = `SELECT d.id, d.event_id, e.type, d.status, d.attempts, d.last_status_code, d.last_error,
       d.last_response_excerpt, d.last_attempt_at, d.next_attempt_at, d.created_at
  FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id`;

/**
 * A dealer's webhook endpoints (issue #17): the owner manages them, owners and managers read
 * them and their deliveries. Tenancy is in every query (`dealer_id = the caller's dealer`);
 * another dealer's endpoint is a 404.
 */
@Injectable()
export class WebhookEndpointsService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sender: WebhookDeliveryService,
  ) {}

  /** Refuses a URL the policy forbids, also by what its host resolves to now. */
  private async checkUrl(url: string): Promise<void> {
    const policy = { production: !this.config.devSurface };
    const bad = urlProblem(url, policy);
    if (bad) {
      const code = bad.invalid ? ErrorCode.WEBHOOK_URL_INVALID : ErrorCode.WEBHOOK_URL_FORBIDDEN;
      throw AppError.badRequest(code, `url: ${bad.reason}`, { field: 'url' });
    }
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    // An IP literal or localhost was judged above; a name is judged by what it resolves to now.
    if (isIP(host) || host === 'localhost') return;
    let addresses: { address: string }[];
    try {
      addresses = await this.sender.resolver(host);
    } catch {
      throw AppError.badRequest(ErrorCode.WEBHOOK_URL_INVALID, `url: the host ${host} does not resolve`, {
        field: 'url',
      });
    }
    const refused = addresses.map((a) => refuseAddress(a.address, policy)).find((x) => x);
    if (refused) {
      throw AppError.badRequest(
        ErrorCode.WEBHOOK_URL_FORBIDDEN,
        `url: ${host} resolves to an address that is refused (${refused})`,
        {
          field: 'url',
        },
      );
    }
  }

  private async own(em: EntityManager, user: AuthUser, id: string, lock = false): Promise<EndpointRow> {
    const [e] = await rows<EndpointRow>(
      em,
      `SELECT * FROM webhook_endpoint WHERE id = $1 AND dealer_id = $2 AND deleted_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [id, user.dealerId],
    );
    if (!e) throw AppError.notFound('Webhook endpoint');
    return e;
  }

  async list(user: AuthUser): Promise<WebhookEndpointView[]> {
    const now = this.clock.now();
    const r = await rows<EndpointRow>(
      this.ds.manager,
      `SELECT * FROM webhook_endpoint WHERE dealer_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [user.dealerId],
    );
    return r.map((e) => view(e, now));
  }

  async create(user: AuthUser, dto: CreateWebhookDto, ip: string | null): Promise<WebhookEndpointCreated> {
    await this.checkUrl(dto.url);
    const secret = newWebhookSecret();
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      // Serialises creations of one dealer so the limit holds.
      await em.query(`SELECT 1 FROM dealer WHERE id = $1 FOR UPDATE`, [user.dealerId]);
      const [{ n }] = await rows<{ n: number }>(
        em,
        `SELECT count(*)::int AS n FROM webhook_endpoint WHERE dealer_id = $1 AND deleted_at IS NULL`,
        [user.dealerId],
      );
      if (n >= WEBHOOK_ENDPOINTS_MAX) {
        throw AppError.conflict(
          ErrorCode.WEBHOOK_ENDPOINT_LIMIT,
          `url: a dealer keeps at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints`,
        );
      }
      const [e] = await rows<EndpointRow>(
        em,
        `INSERT INTO webhook_endpoint (dealer_id, url, events, secret_enc, created_by_user_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
        [user.dealerId, dto.url, dto.events, this.sender.box.seal(secret), user.id, now],
      );
      await this.audit.record(
        em,
        user,
        {
          action: 'webhook.created',
          targetType: 'webhook_endpoint',
          targetId: e.id,
          after: { url: e.url, events: e.events },
        },
        ip,
      );
      return { ...view(e, now), secret };
    });
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateWebhookDto,
    ip: string | null,
  ): Promise<WebhookEndpointView> {
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const before = await this.own(em, user, id, true);
      const status = dto.enabled === undefined ? before.status : dto.enabled ? 'enabled' : 'disabled';
      const [e] = await rows<EndpointRow>(
        em,
        `UPDATE webhook_endpoint
            SET url = COALESCE($2, url), events = COALESCE($3, events), status = $4,
                disabled_reason = CASE WHEN $4 = 'enabled' THEN NULL
                                       WHEN status = 'enabled' THEN 'manual' ELSE disabled_reason END,
                failing_since = CASE WHEN $4 = 'enabled' AND status = 'disabled' THEN NULL ELSE failing_since END,
                updated_at = $5
          WHERE id = $1 RETURNING *`,
        [id, dto.url ?? null, dto.events ?? null, status, now],
      );
      await this.audit.record(
        em,
        user,
        {
          action: 'webhook.updated',
          targetType: 'webhook_endpoint',
          targetId: id,
          before: { url: before.url, events: before.events, status: before.status },
          after: { url: e.url, events: e.events, status: e.status },
        },
        ip,
      );
      return view(e, now);
    });
  }

  async remove(user: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const e = await this.own(em, user, id, true);
      await em.query(
        `UPDATE webhook_endpoint SET deleted_at = $2, status = 'disabled', updated_at = $2 WHERE id = $1`,
        [id, now],
      );
      // What was not delivered yet will not be.
      await em.query(
        `UPDATE webhook_delivery SET status = 'failed', next_attempt_at = NULL, last_error = 'endpoint deleted'
          WHERE endpoint_id = $1 AND status IN ('pending', 'retrying')`,
        [id],
      );
      await this.audit.record(
        em,
        user,
        { action: 'webhook.deleted', targetType: 'webhook_endpoint', targetId: id, before: { url: e.url } },
        ip,
      );
    });
  }

  /** A new secret; the previous one keeps signing for 24 hours (both signatures are sent). */
  async rotate(
    user: AuthUser,
    id: string,
    ip: string | null,
  ): Promise<{ secret: string; previousSecretExpiresAt: string }> {
    const secret = newWebhookSecret();
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      await this.own(em, user, id, true);
      const until = new Date(now.getTime() + ROTATION_OVERLAP_MS);
      await em.query(
        `UPDATE webhook_endpoint SET previous_secret_enc = secret_enc, previous_secret_expires_at = $3,
                secret_enc = $2, updated_at = $4 WHERE id = $1`,
        [id, this.sender.box.seal(secret), until, now],
      );
      await this.audit.record(
        em,
        user,
        {
          action: 'webhook.secret_rotated',
          targetType: 'webhook_endpoint',
          targetId: id,
          after: { previousSecretExpiresAt: until },
        },
        ip,
      );
      return { secret, previousSecretExpiresAt: until.toISOString() };
    });
  }

  /** Queues a `webhook.test` event for this endpoint only and delivers it soon. */
  async test(user: AuthUser, id: string): Promise<{ deliveryId: string; eventId: string }> {
    const r = await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const e = await this.own(em, user, id);
      const [ev] = await rows<{ id: string }>(
        em,
        `INSERT INTO webhook_event (dealer_id, type, dedupe_key, data, created_at)
         VALUES ($1, $2, 'test:' || gen_random_uuid(), $3, $4) RETURNING id`,
        [
          user.dealerId,
          WEBHOOK_TEST_EVENT,
          JSON.stringify({ endpointId: e.id, message: 'This is a test event.' }),
          now,
        ],
      );
      const [d] = await rows<{ id: string }>(
        em,
        `INSERT INTO webhook_delivery (event_id, endpoint_id, next_attempt_at, retry_from, created_at)
         VALUES ($1, $2, $3, $3, $3) RETURNING id`,
        [ev.id, e.id, now],
      );
      return { deliveryId: d.id, eventId: ev.id };
    });
    this.kick(id);
    return r;
  }

  async deliveries(
    user: AuthUser,
    id: string,
    q: { status?: WebhookDeliveryStatus; limit?: number },
  ): Promise<WebhookDeliveryView[]> {
    await this.own(this.ds.manager, user, id);
    const statuses = q.status
      ? q.status === 'succeeded' || q.status === 'failed'
        ? [q.status]
        : [q.status, 'sending']
      : null;
    const r = await rows<DeliveryRow>(
      this.ds.manager,
      `${DELIVERY_SELECT}
        WHERE d.endpoint_id = $1 AND ($2::text[] IS NULL OR d.status = ANY($2::text[]))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $3`,
      [id, statuses, Math.min(Math.max(q.limit ?? 100, 1), 500)],
    );
    return r.map(deliveryView);
  }

  async delivery(user: AuthUser, id: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
    await this.own(this.ds.manager, user, id);
    const [d] = await rows<DeliveryRow & { data: Record<string, unknown>; event_created_at: Date }>(
      this.ds.manager,
      `SELECT x.*, e.data, e.created_at AS event_created_at FROM (${DELIVERY_SELECT} WHERE d.id = $1 AND d.endpoint_id = $2) x
         JOIN webhook_event e ON e.id = x.event_id`,
      [deliveryId, id],
    );
    if (!d) throw AppError.notFound('Webhook delivery');
    const attempts = await rows<{
      attempt: number;
      at: Date;
      status_code: number | null;
      error: string | null;
      response_excerpt: string | null;
      duration_ms: number;
    }>(this.ds.manager, `SELECT * FROM webhook_attempt WHERE delivery_id = $1 ORDER BY attempt`, [
      deliveryId,
    ]);
    return {
      ...deliveryView(d),
      body: eventBody(d.event_id, d.type, d.event_created_at, d.data),
      attemptLog: attempts.map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.status_code,
        error: a.error,
        responseExcerpt: a.response_excerpt,
        durationMs: a.duration_ms,
      })),
    };
  }

  /** Sends a delivery again now (same event, same `webhook-id`); its retry window starts over. */
  async redeliver(user: AuthUser, id: string, deliveryId: string, ip: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      await this.own(em, user, id);
      const [d] = await rows<{ status: string }>(
        em,
        `SELECT status FROM webhook_delivery WHERE id = $1 AND endpoint_id = $2 FOR UPDATE`,
        [deliveryId, id],
      );
      if (!d) throw AppError.notFound('Webhook delivery');
      if (d.status === 'sending') {
        throw AppError.conflict(
          ErrorCode.WEBHOOK_DELIVERY_BUSY,
          'deliveryId: this delivery is being sent right now',
        );
      }
      await em.query(
        `UPDATE webhook_delivery SET status = CASE WHEN attempts = 0 THEN 'pending' ELSE 'retrying' END,
                next_attempt_at = $2, retry_from = $2 WHERE id = $1`,
        [deliveryId, now],
      );
      await this.audit.record(
        em,
        user,
        {
          action: 'webhook.redelivered',
          targetType: 'webhook_delivery',
          targetId: deliveryId,
          after: { endpointId: id },
        },
        ip,
      );
    });
    this.kick(id);
  }

  /** With the scheduler on, deliver this endpoint's due work now, off the request. */
  private kick(endpointId: string): void {
    if (!this.config.jobsEnabled) return;
    setImmediate(() => {
      this.sender
        .deliverDue(endpointId)
        .catch((e: Error) => this.logger.warn(`delivery kick failed: ${e.message}`));
    });
  }
}
