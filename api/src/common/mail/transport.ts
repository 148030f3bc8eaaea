import { createRequire } from 'node:module';
import type { Client as SgClient } from '@sendgrid/client/src/client.js';
import type { MailService as SgMail } from '@sendgrid/mail';

// The SendGrid packages are CommonJS with runtime-only named exports.
const require = createRequire(import.meta.url);
const { Client } = require('@sendgrid/client') as { Client: new () => SgClient };
const { MailService } = require('@sendgrid/mail') as { MailService: new () => SgMail };

export interface OutgoingMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  /**
   * The same for every attempt at one outbox row (its id). A provider that honours idempotency
   * keys gets it as such and sends once; others get it as a header so duplicates can be traced.
   */
  idempotencyKey: string;
}

export interface MailTransport {
  readonly name: string;
  send(m: OutgoingMail): Promise<void>;
}

/** Development mailbox: the outbox row is the mailbox (GET /api/dev/mailbox); nothing leaves the machine. */
export class DevMailboxTransport implements MailTransport {
  readonly name = 'dev-mailbox';
  async send(): Promise<void> {}
}

/**
 * SendGrid through the official client; the base URL can point at a local capture server.
 * SendGrid's v3 mail send has no idempotency key, so the key travels as `customArgs` and an
 * `X-Idempotency-Key` header (visible in its event webhooks and the message) — delivery through
 * SendGrid is at-least-once (see docs/mail-and-jobs.md).
 */
export class SendGridTransport implements MailTransport {
  readonly name = 'sendgrid';
  private readonly mail: SgMail;

  constructor(apiKey: string, baseUrl: string | null) {
    const client = new Client();
    client.setApiKey(apiKey);
    if (baseUrl) client.setDefaultRequest('baseUrl', baseUrl);
    this.mail = new MailService();
    this.mail.setClient(client);
  }

  async send(m: OutgoingMail): Promise<void> {
    await this.mail.send({
      to: m.to,
      from: m.from,
      subject: m.subject,
      text: m.text,
      html: m.html,
      customArgs: { outboxId: m.id, template: m.template, idempotencyKey: m.idempotencyKey },
      headers: { 'X-Outbox-Id': m.id, 'X-Idempotency-Key': m.idempotencyKey },
    });
  }
}
