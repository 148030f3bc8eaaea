import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import type { WebhookEventBody } from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { MailService } from '../common/mail/mail.service.js';
import { postWebhook, systemResolver, type PostResult, type Resolver } from './http-post.js';
import { DISABLE_AFTER_MS, nextAttemptAt } from './retry.js';
import { SecretBox } from './secrets.js';

/** Endpoints served at once by one process; each endpoint also has its own in-flight bound. */
const LANES = 16;
/** A claim outlives the attempt's timeout by this much before another worker may take it over. */
const CLAIM_SLACK_MS = 60_000;
/** One run stops claiming new work after this long (the next run continues). */
const RUN_BUDGET_MS = 45_000;

interface Claimed {
  id: string;
  event_id: string;
  attempts: number;
  retry_from: Date;
  type: string;
  data: Record<string, unknown>;
  event_created_at: Date;
}

interface EndpointRow {
  id: string;
  url: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
}

export interface DeliveryCounts {
  endpoints: number;
  succeeded: number;
  retrying: number;
  failed: number;
  disabled: number;
}

/**
 * Webhooks of a suspended dealer pause (issue 14 §2.3): events are still recorded and their
 * deliveries queued, but no endpoint of that dealer is attempted or disabled for failing until
 * the operator reinstates it; then the queued deliveries go out on the next run.
 */
const DEALER_ACTIVE = `NOT EXISTS (SELECT 1 FROM dealer dl WHERE dl.id = e.dealer_id AND dl.suspended_at IS NOT NULL)`;

/** The body a receiver gets; the same bytes on every attempt. */
export function eventBody(
  id: string,
  type: string,
  createdAt: Date,
  data: Record<string, unknown>,
): WebhookEventBody {
  return { id, type, createdAt: createdAt.toISOString(), data };
}

/**
 * Delivers the webhook outbox (issue #17, Standard Webhooks). Work is taken per endpoint: a
 * "lane" locks the endpoint row (`FOR UPDATE SKIP LOCKED`, so one claimer per endpoint across
 * replicas), counts its deliveries in flight and claims at most `WEBHOOK_CONCURRENCY` minus that
 * many due ones, then sends them outside any transaction. Lanes run side by side, so a slow or
 * dead receiver (each attempt ends after `WEBHOOK_TIMEOUT_MS`) holds only its own lane, never
 * another dealer's deliveries, and never a user's request (nothing here runs in a request).
 * A claim expires after the timeout plus a minute, so a crash mid-send is retried. Every
 * attempt is recorded; the delivery keeps its `webhook-id` (the event id) on every attempt.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('Webhooks');
  readonly box: SecretBox;
  /** How host names are resolved at delivery time (tests replace it to simulate DNS rebinding). */
  resolver: Resolver = systemResolver;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {
    this.box = new SecretBox(config.webhookEncryptionKey);
  }

  /** The `webhooks` job: disable endpoints failing for 5 days, then deliver what is due. */
  async run(): Promise<DeliveryCounts> {
    const disabled = await this.disableFailing();
    const r = await this.deliverDue();
    return { ...r, disabled };
  }

  /** Delivers every due delivery (or only one endpoint's). */
  async deliverDue(endpointId?: string): Promise<Omit<DeliveryCounts, 'disabled'>> {
    const started = Date.now();
    const now = this.clock.now();
    const due = await rows<{ endpoint_id: string }>(
      this.ds.manager,
      `SELECT DISTINCT d.endpoint_id FROM webhook_delivery d
         JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.status = 'enabled' AND e.deleted_at IS NULL
                                   AND ${DEALER_ACTIVE}
        WHERE ((d.status IN ('pending', 'retrying') AND d.next_attempt_at <= $1)
               OR (d.status = 'sending' AND d.claimed_until < $1))
          AND ($2::uuid IS NULL OR d.endpoint_id = $2)`,
      [now, endpointId ?? null],
    );
    const counts = { endpoints: due.length, succeeded: 0, retrying: 0, failed: 0 };
    const queue = due.map((d) => d.endpoint_id);
    const lane = async () => {
      for (let ep = queue.shift(); ep; ep = queue.shift()) {
        while (Date.now() - started < RUN_BUDGET_MS) {
          const r = await this.claimAndSend(ep);
          if (!r) break;
          counts.succeeded += r.succeeded;
          counts.retrying += r.retrying;
          counts.failed += r.failed;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LANES, queue.length) }, lane));
    return counts;
  }

  /** One claim on one endpoint and its sends; null when nothing was claimed. */
  private async claimAndSend(
    endpointId: string,
  ): Promise<{ succeeded: number; retrying: number; failed: number } | null> {
    const now = this.clock.now();
    const claim = await this.ds.transaction(async (em) => {
      const [ep] = await rows<EndpointRow>(
        em,
        `SELECT id, url, secret_enc, previous_secret_enc, previous_secret_expires_at FROM webhook_endpoint e
          WHERE id = $1 AND status = 'enabled' AND deleted_at IS NULL AND ${DEALER_ACTIVE}
          FOR UPDATE OF e SKIP LOCKED`,
        [endpointId],
      );
      if (!ep) return null;
      const claimed = await rows<Claimed>(
        em,
        `WITH c AS (
           UPDATE webhook_delivery d
              SET status = 'sending', attempts = attempts + 1, claimed_until = $3, last_attempt_at = $2
            WHERE d.id IN (
              SELECT id FROM webhook_delivery
               WHERE endpoint_id = $1
                 AND ((status IN ('pending', 'retrying') AND next_attempt_at <= $2)
                      OR (status = 'sending' AND claimed_until < $2))
               ORDER BY next_attempt_at, id
               LIMIT GREATEST(0, $4 - (SELECT count(*) FROM webhook_delivery
                                        WHERE endpoint_id = $1 AND status = 'sending' AND claimed_until >= $2))
               FOR UPDATE SKIP LOCKED)
           RETURNING d.id, d.event_id, d.attempts, d.retry_from
         )
         SELECT c.*, e.type, e.data, e.created_at AS event_created_at FROM c JOIN webhook_event e ON e.id = c.event_id`,
        [
          endpointId,
          now,
          new Date(now.getTime() + this.config.webhookTimeoutMs + CLAIM_SLACK_MS),
          this.config.webhookConcurrency,
        ],
      );
      return claimed.length ? { ep, claimed } : null;
    });
    if (!claim) return null;
    const secrets = [this.box.open(claim.ep.secret_enc)];
    if (
      claim.ep.previous_secret_enc &&
      claim.ep.previous_secret_expires_at &&
      claim.ep.previous_secret_expires_at > now
    ) {
      secrets.push(this.box.open(claim.ep.previous_secret_enc));
    }
    const out = { succeeded: 0, retrying: 0, failed: 0 };
    await Promise.all(
      claim.claimed.map(async (d) => {
        const r = await this.send(claim.ep.url, secrets, d);
        out[await this.record(d, r)]++;
      }),
    );
    return out;
  }

  private send(url: string, secrets: string[], d: Claimed): Promise<PostResult> {
    const body = JSON.stringify(eventBody(d.event_id, d.type, d.event_created_at, d.data));
    const at = this.clock.now();
    const signature = secrets.map((s) => new Webhook(s).sign(d.event_id, at, body)).join(' ');
    return postWebhook(
      url,
      {
        'webhook-id': d.event_id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
        'user-agent': 'LicenseConsole-Webhooks/1',
      },
      body,
      {
        timeoutMs: this.config.webhookTimeoutMs,
        policy: { production: !this.config.devSurface },
        resolver: this.resolver,
      },
    );
  }

  /** Records one attempt, moves the delivery on and the endpoint's failing streak, in one transaction. */
  private async record(d: Claimed, r: PostResult): Promise<'succeeded' | 'retrying' | 'failed'> {
    const now = this.clock.now();
    const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
    const next = ok ? null : nextAttemptAt(d.retry_from, d.attempts, now, randomInt(1_000_000) / 1_000_000);
    const status = ok ? 'succeeded' : next ? 'retrying' : 'failed';
    if (!ok)
      this.logger.warn(
        `webhook delivery ${d.id} attempt ${d.attempts}: ${r.error ?? `HTTP ${r.statusCode}`}`,
      );
    await this.ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, error, response_excerpt, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        [d.id, d.attempts, now, r.statusCode, r.error, r.responseExcerpt, r.durationMs],
      );
      // Only while the claim is still ours (an expired claim may have been taken over).
      const [moved] = await rows<{ endpoint_id: string }>(
        em,
        `UPDATE webhook_delivery SET status = $3, next_attempt_at = $4, claimed_until = NULL,
                last_status_code = $5, last_error = $6, last_response_excerpt = $7,
                succeeded_at = CASE WHEN $3 = 'succeeded' THEN $8::timestamptz END
          WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING endpoint_id`,
        [d.id, d.attempts, status, next, r.statusCode, r.error, r.responseExcerpt, now],
      );
      if (moved) {
        await em.query(
          `UPDATE webhook_endpoint SET failing_since = CASE WHEN $2 THEN NULL ELSE COALESCE(failing_since, $3) END
            WHERE id = $1 AND (failing_since IS NULL) <> $2`,
          [moved.endpoint_id, ok, now],
        );
      }
    });
    return status;
  }

  /** Endpoints whose deliveries have failed for 5 days without a success: disabled, owners e-mailed. */
  async disableFailing(): Promise<number> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const off = await rows<{ id: string; dealer_id: string; url: string; failing_since: Date }>(
        em,
        `UPDATE webhook_endpoint e SET status = 'disabled', disabled_reason = 'failing', updated_at = $1
          WHERE status = 'enabled' AND deleted_at IS NULL AND failing_since <= $2 AND ${DEALER_ACTIVE}
          RETURNING id, dealer_id, url, failing_since`,
        [now, new Date(now.getTime() - DISABLE_AFTER_MS)],
      );
      for (const e of off) await this.mailOwners(em, e);
      return off.length;
    });
  }

  private async mailOwners(
    em: EntityManager,
    e: { id: string; dealer_id: string; url: string; failing_since: Date },
  ) {
    const owners = await rows<{ email: string; language: 'ja' | 'en'; time_zone: string | null }>(
      em,
      `SELECT email, language, time_zone FROM app_user
        WHERE role = 'dealer' AND dealer_id = $1 AND member_role = 'owner' AND active`,
      [e.dealer_id],
    );
    for (const o of owners) {
      await this.mail.enqueue(em, {
        to: o.email,
        template: 'webhook-endpoint-disabled',
        language: o.language,
        timeZone: o.time_zone || undefined,
        dedupeKey: `webhook-disabled:${e.id}:${e.failing_since.toISOString()}:${o.email.toLowerCase()}`,
        data: { url: e.url, endpointId: e.id, failingSince: e.failing_since.toISOString() },
      });
    }
  }
}
