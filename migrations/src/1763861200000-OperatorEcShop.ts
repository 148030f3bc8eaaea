import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The EC site is the operator's shop (issue 11 §1): one shop secret in the operator's
 * configuration (`EC_WEBHOOK_SECRET`), never a dealer's. The per-dealer secrets are dropped
 * (every webhook signed with one of them is refused from now on), a shop order id counts once
 * across the shop, and each paid shop order is backed by a purchase order with a paid invoice.
 * Shop orders received before this migration keep `order_id` empty.
 */
export class OperatorEcShop1763861200000 implements MigrationInterface {
  name = 'OperatorEcShop1763861200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dealer DROP COLUMN ec_webhook_secret, DROP COLUMN ec_webhook_secret_created_at;

      -- Shop order ids were unique per dealer; the shop's own ids are unique across the shop.
      -- Earlier repeats (another dealer's self-signed ids) keep their rows under a suffixed id.
      UPDATE ec_order e SET shop_order_id = left(e.shop_order_id, 160) || '#' || e.dealer_id::text
        WHERE EXISTS (SELECT 1 FROM ec_order f
                       WHERE f.shop_order_id = e.shop_order_id
                         AND (f.received_at, f.id) < (e.received_at, e.id));
      ALTER TABLE ec_order DROP CONSTRAINT ec_order_shop_order_key;
      ALTER TABLE ec_order ADD CONSTRAINT ec_order_shop_order_key UNIQUE (shop_order_id);
      ALTER TABLE ec_order ADD COLUMN order_id uuid REFERENCES purchase_order(id);
      CREATE UNIQUE INDEX ec_order_order_key ON ec_order (order_id) WHERE order_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX ec_order_order_key;
      ALTER TABLE ec_order DROP COLUMN order_id;
      ALTER TABLE ec_order DROP CONSTRAINT ec_order_shop_order_key;
      ALTER TABLE ec_order ADD CONSTRAINT ec_order_shop_order_key UNIQUE (dealer_id, shop_order_id);
      ALTER TABLE dealer ADD COLUMN ec_webhook_secret text, ADD COLUMN ec_webhook_secret_created_at timestamptz;
    `);
  }
}
