import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { rows } from '../database/database.js';
import { TemplateRenderer, type MailLanguage, type Rendered } from './templates.js';

export interface MailRequest {
  to: string;
  template: string;
  language: MailLanguage;
  timeZone?: string;
  data: Record<string, unknown>;
  /** Exactly-once key: a second enqueue with the same key is ignored. */
  dedupeKey?: string;
}

/** An outbox row as stored: rendered at queue time, or (subject NULL) at delivery time. */
export interface StoredMail {
  template: string;
  language: string;
  time_zone: string;
  data: Record<string, unknown> | null;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
}

/**
 * Completes the data of a row queued unrendered, at delivery: a bulk sender stores references
 * (e.g. notice ids) instead of the items its e-mail lists, and registers a loader for its
 * templates that turns them into the data the template reads.
 */
export type MailDataLoader = (data: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * Queues e-mail in the outbox inside the caller's transaction, so a message exists if and
 * only if the change that caused it committed. Delivery is the MailWorker's job.
 *
 * A row may also be queued unrendered (subject and bodies NULL; template, language, time zone
 * and data, where data already holds `appUrl`): bulk senders (the month-end notices) insert
 * such rows set-based in SQL, and `renderStored` renders them when they are sent or shown —
 * after the template's registered `MailDataLoader`, if any, completed their data.
 */
@Injectable()
export class MailService {
  readonly renderer = new TemplateRenderer();
  private readonly loaders = new Map<string, MailDataLoader>();

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Returns the outbox id, or null when the dedupe key was already used. */
  async enqueue(em: EntityManager, m: MailRequest): Promise<string | null> {
    const data = { appUrl: this.config.publicUrl, ...m.data };
    const r = this.renderer.render(m.template, m.language, m.timeZone ?? 'Asia/Tokyo', data);
    const now = this.clock.now();
    const out = await rows<{ id: string }>(
      em,
      `INSERT INTO mail_outbox (to_address, template, language, data, subject, text_body, html_body,
                                next_attempt_at, created_at, dedupe_key, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        m.to,
        m.template,
        m.language,
        JSON.stringify(data),
        r.subject,
        r.text,
        r.html,
        now,
        m.dedupeKey ?? null,
        m.timeZone ?? 'Asia/Tokyo',
      ],
    );
    return out[0]?.id ?? null;
  }

  /** Registers the loader that completes unrendered rows of these templates (one per template). */
  registerDataLoader(templates: string[], loader: MailDataLoader): void {
    for (const t of templates) {
      if (this.loaders.has(t)) throw new Error(`a mail data loader for ${t} is already registered`);
      this.loaders.set(t, loader);
    }
  }

  /** The data an unrendered row is rendered from: as stored, completed by its template's loader. */
  async completeData(m: Pick<StoredMail, 'template' | 'data'>): Promise<Record<string, unknown>> {
    const load = this.loaders.get(m.template);
    return load ? load(m.data ?? {}) : (m.data ?? {});
  }

  /** The subject and bodies of an outbox row: as stored, or rendered now from its template and data. */
  async renderStored(m: StoredMail): Promise<Rendered> {
    if (m.subject !== null && m.text_body !== null && m.html_body !== null)
      return { subject: m.subject, text: m.text_body, html: m.html_body };
    return this.renderer.render(
      m.template,
      m.language as MailLanguage,
      m.time_zone,
      await this.completeData(m),
    );
  }
}
