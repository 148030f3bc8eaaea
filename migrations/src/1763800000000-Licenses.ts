import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licenses and billing (issue #4): orders with idempotency keys, invoices numbered without gaps
 * per issuer (a counter row per issuer), payments, EC-site orders (unique per dealer and shop
 * order id), assignments (history) and the licenses themselves with CHECKs tying their state to
 * their columns. Money is integer yen (bigint where quantities multiply it).
 */
export class Licenses1763800000000 implements MigrationInterface {
  name = 'Licenses1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dealer
        ADD COLUMN invoice_registration_number text
          CONSTRAINT dealer_invoice_registration_number_format CHECK (invoice_registration_number ~ '^T[0-9]{13}$'),
        ADD COLUMN ec_webhook_secret text,
        ADD COLUMN ec_webhook_secret_created_at timestamptz;

      ALTER TABLE app_user ADD COLUMN ec_site_dialog_dismissed_at timestamptz;

      CREATE TABLE purchase_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number integer GENERATED ALWAYS AS IDENTITY,
        buyer_dealer_id uuid NOT NULL REFERENCES dealer(id),
        supplier_dealer_id uuid REFERENCES dealer(id),
        status text NOT NULL DEFAULT 'submitted'
          CHECK (status IN ('submitted', 'confirmed', 'invoiced', 'paid', 'fulfilled', 'cancelled')),
        subtotal bigint NOT NULL CHECK (subtotal >= 0),
        tax bigint NOT NULL CHECK (tax >= 0),
        total bigint NOT NULL,
        amount_paid bigint NOT NULL DEFAULT 0,
        idempotency_key text,
        request_hash text,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        invoiced_at timestamptz,
        paid_at timestamptz,
        fulfilled_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT purchase_order_number_key UNIQUE (number),
        CONSTRAINT purchase_order_idempotency_key UNIQUE (buyer_dealer_id, idempotency_key),
        CONSTRAINT purchase_order_key_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
        CONSTRAINT purchase_order_not_self CHECK (supplier_dealer_id IS DISTINCT FROM buyer_dealer_id),
        CONSTRAINT purchase_order_total CHECK (total = subtotal + tax),
        CONSTRAINT purchase_order_paid CHECK (amount_paid >= 0 AND amount_paid <= total),
        CONSTRAINT purchase_order_status_times CHECK (
          (status NOT IN ('confirmed', 'invoiced', 'paid', 'fulfilled') OR confirmed_at IS NOT NULL) AND
          (status NOT IN ('invoiced', 'paid', 'fulfilled') OR invoiced_at IS NOT NULL) AND
          (status NOT IN ('paid', 'fulfilled') OR (paid_at IS NOT NULL AND amount_paid = total)) AND
          (status <> 'fulfilled' OR fulfilled_at IS NOT NULL) AND
          ((status = 'cancelled') = (cancelled_at IS NOT NULL))
        )
      );
      CREATE INDEX purchase_order_buyer_idx ON purchase_order (buyer_dealer_id, created_at DESC);
      CREATE INDEX purchase_order_supplier_idx ON purchase_order (supplier_dealer_id, created_at DESC);

      CREATE TABLE purchase_order_line (
        order_id uuid NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
        line_no integer NOT NULL CHECK (line_no > 0),
        sku_id uuid NOT NULL REFERENCES sku(id),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
        unit_price integer NOT NULL CHECK (unit_price >= 0),
        amount bigint NOT NULL,
        tax_rate integer NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
        PRIMARY KEY (order_id, line_no),
        CONSTRAINT purchase_order_line_sku_key UNIQUE (order_id, sku_id),
        CONSTRAINT purchase_order_line_amount CHECK (amount = unit_price::bigint * quantity)
      );

      -- One row per issuer ('operator' or the issuing dealer's id); bumped with
      -- INSERT … ON CONFLICT DO UPDATE … RETURNING inside the issuing transaction, so numbers are
      -- gap-free (a rolled-back issue rolls its number back) and serialised per issuer.
      CREATE TABLE invoice_counter (
        issuer_key text PRIMARY KEY,
        last_number integer NOT NULL CHECK (last_number > 0)
      );

      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer_dealer_id uuid REFERENCES dealer(id),
        issuer_key text GENERATED ALWAYS AS (COALESCE(issuer_dealer_id::text, 'operator')) STORED,
        number integer NOT NULL CHECK (number > 0),
        order_id uuid NOT NULL REFERENCES purchase_order(id),
        buyer_dealer_id uuid NOT NULL REFERENCES dealer(id),
        issuer_name text NOT NULL,
        issuer_registration_number text,
        buyer_name text NOT NULL,
        issued_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        subtotal bigint NOT NULL CHECK (subtotal >= 0),
        taxes jsonb NOT NULL,
        tax bigint NOT NULL CHECK (tax >= 0),
        total bigint NOT NULL,
        amount_paid bigint NOT NULL DEFAULT 0,
        paid_at timestamptz,
        voided_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT invoice_number_key UNIQUE (issuer_key, number),
        CONSTRAINT invoice_order_key UNIQUE (order_id),
        CONSTRAINT invoice_total CHECK (total = subtotal + tax),
        CONSTRAINT invoice_paid CHECK (amount_paid >= 0 AND amount_paid <= total),
        CONSTRAINT invoice_paid_at CHECK (paid_at IS NULL OR amount_paid = total),
        CONSTRAINT invoice_due CHECK (due_at >= issued_at)
      );
      CREATE INDEX invoice_buyer_idx ON invoice (buyer_dealer_id, issued_at DESC);
      CREATE INDEX invoice_issuer_idx ON invoice (issuer_key, issued_at DESC);

      CREATE TABLE invoice_line (
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        line_no integer NOT NULL CHECK (line_no > 0),
        sku_code text NOT NULL,
        description_ja text NOT NULL,
        description_en text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price integer NOT NULL CHECK (unit_price >= 0),
        amount bigint NOT NULL,
        tax_rate integer NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
        PRIMARY KEY (invoice_id, line_no),
        CONSTRAINT invoice_line_amount CHECK (amount = unit_price::bigint * quantity)
      );

      CREATE TABLE invoice_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        amount bigint NOT NULL CHECK (amount > 0),
        paid_at timestamptz NOT NULL,
        recorded_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX invoice_payment_invoice_idx ON invoice_payment (invoice_id, paid_at);

      CREATE TABLE ec_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        shop_order_id text NOT NULL CHECK (length(shop_order_id) BETWEEN 1 AND 200),
        status text NOT NULL,
        lines jsonb NOT NULL,
        license_count integer NOT NULL CHECK (license_count >= 0),
        received_at timestamptz NOT NULL,
        CONSTRAINT ec_order_shop_order_key UNIQUE (dealer_id, shop_order_id)
      );

      CREATE TABLE license_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        sku_id uuid NOT NULL REFERENCES sku(id),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
        assigned_at timestamptz NOT NULL,
        free_until timestamptz NOT NULL,
        term_starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        overlap_days integer NOT NULL CHECK (overlap_days >= 0),
        assigned_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        acting_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        idempotency_key text,
        request_hash text,
        created_at timestamptz NOT NULL,
        CONSTRAINT license_assignment_idempotency_key UNIQUE (dealer_id, idempotency_key),
        CONSTRAINT license_assignment_key_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
        CONSTRAINT license_assignment_dates CHECK (
          assigned_at <= free_until AND free_until < term_starts_at AND term_starts_at < ends_at
        )
      );
      CREATE INDEX license_assignment_dealer_idx ON license_assignment (dealer_id, assigned_at DESC);
      CREATE INDEX license_assignment_customer_idx ON license_assignment (customer_id, assigned_at DESC);

      CREATE TABLE license (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku_id uuid NOT NULL REFERENCES sku(id),
        kind text NOT NULL CHECK (kind IN ('edge', 'direct')),
        term_months integer NOT NULL CHECK (term_months BETWEEN 1 AND 120),
        state text NOT NULL CHECK (state IN ('in_stock', 'assigned', 'bound', 'expired', 'void')),
        -- The stock holder while in stock; null once assigned (selling_dealer_id keeps the seller).
        owner_dealer_id uuid REFERENCES dealer(id),
        selling_dealer_id uuid REFERENCES dealer(id),
        customer_id uuid REFERENCES customer(id),
        -- Cameras arrive with the devices feature (which adds its FK and unique index).
        camera_id uuid,
        assignment_id uuid REFERENCES license_assignment(id),
        -- Where it came from: the order that last minted or moved it, or the EC-site order.
        order_id uuid REFERENCES purchase_order(id),
        ec_order_id uuid REFERENCES ec_order(id),
        assigned_at timestamptz,
        free_until timestamptz,
        term_starts_at timestamptz,
        ends_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT license_stock_owner CHECK ((state = 'in_stock') = (owner_dealer_id IS NOT NULL)),
        CONSTRAINT license_in_stock_blank CHECK (
          state <> 'in_stock' OR (
            customer_id IS NULL AND selling_dealer_id IS NULL AND assignment_id IS NULL AND camera_id IS NULL AND
            assigned_at IS NULL AND free_until IS NULL AND term_starts_at IS NULL AND ends_at IS NULL
          )
        ),
        CONSTRAINT license_assigned_filled CHECK (
          state = 'in_stock' OR (
            customer_id IS NOT NULL AND selling_dealer_id IS NOT NULL AND assignment_id IS NOT NULL AND
            assigned_at IS NOT NULL AND free_until IS NOT NULL AND term_starts_at IS NOT NULL AND ends_at IS NOT NULL
          )
        ),
        CONSTRAINT license_camera CHECK (
          (state <> 'bound' OR camera_id IS NOT NULL) AND (state NOT IN ('in_stock', 'assigned') OR camera_id IS NULL)
        ),
        CONSTRAINT license_dates CHECK (
          assigned_at <= free_until AND free_until < term_starts_at AND term_starts_at < ends_at
        )
      );
      CREATE INDEX license_stock_idx ON license (owner_dealer_id, sku_id, created_at, id) WHERE state = 'in_stock';
      CREATE INDEX license_expiry_idx ON license (ends_at) WHERE state IN ('assigned', 'bound');
      CREATE INDEX license_customer_idx ON license (customer_id, kind, ends_at) WHERE customer_id IS NOT NULL;
      CREATE INDEX license_seller_valid_idx ON license (selling_dealer_id, ends_at) WHERE state IN ('assigned', 'bound');
      CREATE INDEX license_assignment_idx ON license (assignment_id) WHERE assignment_id IS NOT NULL;
      CREATE INDEX license_order_idx ON license (order_id) WHERE order_id IS NOT NULL;
      CREATE INDEX license_ec_order_idx ON license (ec_order_id) WHERE ec_order_id IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE license;
      DROP TABLE license_assignment;
      DROP TABLE ec_order;
      DROP TABLE invoice_payment;
      DROP TABLE invoice_line;
      DROP TABLE invoice;
      DROP TABLE invoice_counter;
      DROP TABLE purchase_order_line;
      DROP TABLE purchase_order;
      ALTER TABLE app_user DROP COLUMN ec_site_dialog_dismissed_at;
      ALTER TABLE dealer DROP COLUMN ec_webhook_secret_created_at, DROP COLUMN ec_webhook_secret,
        DROP COLUMN invoice_registration_number;
    `);
  }
}
