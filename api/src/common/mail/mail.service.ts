import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { rows } from '../database/database.js';
import { TemplateRenderer, type MailLanguage } from './templates.js';

export interface MailRequest {
  to: string;
  template: string;
  language: MailLanguage;
  timeZone?: string;
  data: Record<string, unknown>;
  /** Exactly-once key: a second enqueue with the same key is ignored. */
  dedupeKey?: string;
}

/**
 * Queues e-mail in the outbox inside the caller's transaction, so a message exists if and
 * only if the change that caused it committed. Delivery is the MailWorker's job.
 */
@Injectable()
export class MailService {
  readonly renderer = new TemplateRenderer();

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
                                next_attempt_at, created_at, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
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
      ],
    );
    return out[0]?.id ?? null;
  }
}
