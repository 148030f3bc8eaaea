import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { rows } from '../database/database.js';
import { liveProcess, ProcessLiveness } from '../database/process-liveness.js';
import { MailService, type StoredMail } from './mail.service.js';
import { DevMailboxTransport, SendGridTransport, type MailTransport } from './transport.js';

export const MAX_ATTEMPTS = 8;
/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
/**
 * A claim names its process (`claimed_by`); a claim of a dead process (ProcessLiveness) is taken
 * over at once. This bound is the backstop for a live process that is stuck mid-send.
 */
const CLAIM_MS = 5 * 60_000;

interface Claimed extends StoredMail {
  id: string;
  to_address: string;
  attempts: number;
}

/**
 * Delivers the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * replicas can run it. A claim carries the claiming process's id: when that process dies, any
 * other process takes the row over within a few heartbeats (else after CLAIM_MS). Delivery is
 * therefore at-least-once; the outbox id goes to the provider as idempotency key. A row queued
 * unrendered (the month-end notices) is rendered here, with the compiled templates cached.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailWorker');
  readonly transport: MailTransport;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly liveness: ProcessLiveness,
    private readonly mail: MailService,
  ) {
    this.transport = config.sendgridApiKey
      ? new SendGridTransport(config.sendgridApiKey, config.sendgridBaseUrl)
      : new DevMailboxTransport();
  }

  onApplicationBootstrap(): void {
    if (this.config.mailPollMs > 0) {
      this.timer = setInterval(() => {
        if (!this.running) {
          this.running = this.deliverDue()
            .catch((e: Error) => this.logger.error(`delivery round failed: ${e.message}`))
            .finally(() => (this.running = null));
        }
      }, this.config.mailPollMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One delivery round; returns how many were sent and failed. */
  async deliverDue(limit = 50): Promise<{ sent: number; failed: number; retrying: number }> {
    const now = this.clock.now();
    const claimed = await rows<Claimed>(
      this.ds.manager,
      `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, claimed_until = $2, claimed_by = $4
        WHERE id IN (
          SELECT id FROM mail_outbox m
           WHERE (status = 'pending' AND next_attempt_at <= $1)
              OR (status = 'sending' AND (claimed_until < $1 OR NOT ${liveProcess('m.claimed_by')}))
           ORDER BY next_attempt_at
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, html_body, template, language, time_zone,
                  CASE WHEN subject IS NULL THEN data END AS data, attempts`,
      [now, new Date(now.getTime() + CLAIM_MS), limit, this.liveness.id],
    );
    const result = { sent: 0, failed: 0, retrying: 0 };
    for (const m of claimed) {
      try {
        const r = await this.mail.renderStored(m);
        await this.transport.send({
          id: m.id,
          to: m.to_address,
          from: this.config.mailFrom,
          subject: r.subject,
          text: r.text,
          html: r.html,
          template: m.template,
          idempotencyKey: m.id,
        });
        await this.ds.query(
          `UPDATE mail_outbox SET status = 'sent', sent_at = $2, claimed_until = NULL, claimed_by = NULL, last_error = NULL WHERE id = $1`,
          [m.id, this.clock.now()],
        );
        result.sent++;
      } catch (e) {
        const msg = describe(e);
        const final = m.attempts >= MAX_ATTEMPTS;
        await this.ds.query(
          `UPDATE mail_outbox SET status = $2, next_attempt_at = $3, claimed_until = NULL, claimed_by = NULL, last_error = $4 WHERE id = $1`,
          [
            m.id,
            final ? 'failed' : 'pending',
            new Date(this.clock.now().getTime() + backoffMs(m.attempts)),
            msg,
          ],
        );
        this.logger.warn(`mail ${m.id} to ${m.to_address} failed (attempt ${m.attempts}): ${msg}`);
        if (final) result.failed++;
        else result.retrying++;
      }
    }
    return result;
  }
}

function describe(e: unknown): string {
  const err = e as { code?: number; message?: string; response?: { body?: unknown } };
  const body = err.response?.body ? ` ${JSON.stringify(err.response.body).slice(0, 300)}` : '';
  return `${err.code ?? ''} ${err.message ?? String(e)}${body}`.trim();
}
