import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: month-end e-mails are rendered at delivery time. An outbox row may be queued with
 * only its template, language, time zone and data (subject and bodies NULL); the mail worker
 * renders it when it sends it. Rows queued with their bodies (every other sender) are unchanged.
 * A row has either all three rendered parts or none.
 */
export class OutboxRenderAtDelivery1764040000000 implements MigrationInterface {
  name = 'OutboxRenderAtDelivery1764040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mail_outbox
        ALTER COLUMN subject DROP NOT NULL,
        ALTER COLUMN text_body DROP NOT NULL,
        ALTER COLUMN html_body DROP NOT NULL,
        ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Tokyo',
        ADD CONSTRAINT mail_outbox_rendered_all_or_none CHECK (
          (subject IS NULL) = (text_body IS NULL) AND (subject IS NULL) = (html_body IS NULL));
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Rows never rendered cannot be rendered in SQL: they are marked failed, bodies empty.
      UPDATE mail_outbox SET subject = template, text_body = '', html_body = '',
             status = CASE WHEN status = 'sent' THEN status ELSE 'failed' END,
             last_error = 'not rendered: migration reverted'
       WHERE subject IS NULL;
      ALTER TABLE mail_outbox
        DROP CONSTRAINT mail_outbox_rendered_all_or_none,
        DROP COLUMN time_zone,
        ALTER COLUMN subject SET NOT NULL,
        ALTER COLUMN text_body SET NOT NULL,
        ALTER COLUMN html_body SET NOT NULL;
    `);
  }
}
