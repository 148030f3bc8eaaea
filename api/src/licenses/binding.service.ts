import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import { AppConfig } from '../common/config/config.js';
import { rows } from '../common/database/database.js';
import { sweepEvents } from '../integrations/events.js';
import { bumpEntitlementsVersion } from './entitlements-version.js';
import { endedAt, validAt } from './validity.js';

/** Per-customer advisory lock key space (two-int form: this class id, hashtext(customer id)). */
const BINDING_LOCK = 727_200;
/** Customers per sweep transaction (each holds one advisory lock per customer until commit). */
const SWEEP_BATCH_CUSTOMERS = 1000;

/**
 * Automatic binding and expiry (SPEC §2). Every use case that can leave a camera without a
 * license or a license without a camera calls `bindFree` inside its own transaction; the
 * `expiry-sweep` job (registered by `ExpirySweepModule`) runs the same batch for many customers.
 * A per-customer advisory transaction lock serialises binds of one customer; the partial unique
 * index `license_bound_camera_key` is the backstop. A license is valid up to and including its
 * `ends_at`: it expires once now > ends_at (`expireInto`, the one expire statement).
 */
@Injectable()
export class BindingService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * The `expiry-sweep` job (SPEC §2 "auto-assign on expiry", §4 notices), set-based: the
   * customers with a due license are taken in batches; each batch is one transaction of a few
   * statements — expire every due license (the camera's lapse time is its `ends_at`), pair the
   * cameras without a license with the pool's valid licenses per (customer, kind) by
   * row_number (cameras by lapse time then registration; licenses by ends_at, assigned_at, id;
   * "do not license" skipped), bind the pairs, clear the lapse of cameras that got one, record the
   * lapse and auto-assignment notices of the cameras that lost their license (one row per
   * customer, dealer and kind, the cameras in arrays; mailed afterwards), and
   * bump the entitlements version of every affected device. A customer whose binding lock
   * another transaction holds is left to the next run (or to that transaction, which expires
   * the same licenses itself). A crash loses at most the batch in flight, which rolls back
   * whole; a re-run finishes the rest. Safe from several processes at once.
   *
   * Batches hold disjoint customers (and so disjoint licenses, cameras and devices), so up to
   * `concurrency` of them (`SWEEP_CONCURRENCY`, default 2) run at once, each in its own
   * transaction on its own connection: PostgreSQL writes one statement on one core, the sweep's
   * batches on as many as it is given. The due customers are shared out so that every connection
   * has a batch (at most `batchCustomers` each). After a batch fails no new batch starts; the
   * ones in flight finish, and the first error is thrown.
   */
  async sweepExpired(
    now: Date,
    batchCustomers = SWEEP_BATCH_CUSTOMERS,
    concurrency = this.config.sweepConcurrency,
  ): Promise<{
    customers: number;
    expired: number;
    bound: number;
    lapsed: number;
    devices: number;
    skipped: number;
  }> {
    const due = await rows<{ customer_id: string }>(
      this.ds.manager,
      `SELECT DISTINCT customer_id FROM license
        WHERE state IN ('assigned', 'bound') AND ${endedAt('ends_at', '$1')} ORDER BY customer_id`,
      [now],
    );
    const totals = { customers: 0, expired: 0, bound: 0, lapsed: 0, devices: 0, skipped: 0 };
    const size = Math.max(1, Math.min(batchCustomers, Math.ceil(due.length / Math.max(1, concurrency))));
    const batches: string[][] = [];
    for (let i = 0; i < due.length; i += size) batches.push(due.slice(i, i + size).map((d) => d.customer_id));
    let next = 0;
    let failure: { error: unknown } | null = null;
    const worker = async (): Promise<void> => {
      while (!failure && next < batches.length) {
        const ids = batches[next++];
        try {
          const r = await this.ds.transaction((em) => this.sweepBatch(em, ids, now));
          totals.customers += r.customers;
          totals.expired += r.expired;
          totals.bound += r.bound;
          totals.lapsed += r.lapsed;
          totals.devices += r.devices;
          totals.skipped += ids.length - r.customers;
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), batches.length) }, worker));
    if (failure) throw (failure as { error: unknown }).error;
    return totals;
  }

  /** One batch of the sweep, inside the caller's transaction. */
  async sweepBatch(
    em: EntityManager,
    candidateIds: string[],
    now: Date,
  ): Promise<{ customers: number; expired: number; bound: number; lapsed: number; devices: number }> {
    // Customers whose binding lock is free; the rest are busy binding and expire themselves.
    const locked = await rows<{ id: string }>(
      em,
      `SELECT id FROM (SELECT id FROM unnest($1::uuid[]) AS id ORDER BY id) s
        WHERE pg_try_advisory_xact_lock(${BINDING_LOCK}, hashtext(s.id::text))`,
      [candidateIds],
    );
    const ids = locked.map((l) => l.id);
    if (!ids.length) return { customers: 0, expired: 0, bound: 0, lapsed: 0, devices: 0 };
    await em.query(`
      CREATE TEMP TABLE IF NOT EXISTS sweep_ended (
        id uuid, camera_id uuid, customer_id uuid, dealer_id uuid, ends_at timestamptz
      ) ON COMMIT DROP;
      CREATE TEMP TABLE IF NOT EXISTS sweep_bound (id uuid, camera_id uuid, dealer_id uuid) ON COMMIT DROP`);
    const expired = await this.expireInto(em, ids, now);
    // Temporary tables have no statistics until analysed; with them the joins below hash.
    await em.query(`ANALYZE sweep_ended`);
    const [{ n: bound }] = await rows<{ n: number }>(
      em,
      `WITH need AS (
         -- A camera's lapse time: when its license ended (now or earlier), else when it registered.
         SELECT c.id, c.customer_id, c.kind,
                row_number() OVER (PARTITION BY c.customer_id, c.kind
                  ORDER BY COALESCE(c.lapsed_at, e.ends_at, c.registered_at), c.registered_at, c.channel, c.id) AS rn
           FROM camera c LEFT JOIN sweep_ended e ON e.camera_id = c.id
          WHERE c.customer_id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND NOT c.do_not_license
            -- A camera whose license just ended has no bound license (one per camera); the
            -- others are looked up one by one (not the whole bound-license index per batch).
            AND (e.camera_id IS NOT NULL
                 OR NOT EXISTS (SELECT 1 FROM license l WHERE l.camera_id = c.id AND l.state = 'bound'))
       ), pool AS (
         SELECT l.id, l.customer_id, l.kind,
                row_number() OVER (PARTITION BY l.customer_id, l.kind ORDER BY l.ends_at, l.assigned_at, l.id) AS rn
           FROM license l
          WHERE l.customer_id = ANY($1::uuid[]) AND l.state = 'assigned' AND ${validAt('l.ends_at', '$2')}
       ), pair AS (
         SELECT p.id AS license_id, n.id AS camera_id FROM need n JOIN pool p USING (customer_id, kind, rn)
       ), b AS (
         UPDATE license l SET state = 'bound', camera_id = pair.camera_id, updated_at = $2
           FROM pair WHERE l.id = pair.license_id AND l.state = 'assigned'
         RETURNING l.id, l.camera_id, l.selling_dealer_id
       ), kept AS (
         INSERT INTO sweep_bound SELECT id, camera_id, selling_dealer_id FROM b RETURNING 1
       )
       SELECT count(*)::int AS n FROM kept`,
      [ids, now],
    );
    await em.query(`ANALYZE sweep_bound`);
    // Record the lapse of cameras left without a license (at the instant it ended); clear it for
    // cameras that got one.
    await em.query(
      `UPDATE camera c SET lapsed_at = x.v
         FROM (SELECT e.camera_id AS id, e.ends_at AS v FROM sweep_ended e
                WHERE e.camera_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sweep_bound b WHERE b.camera_id = e.camera_id)
               UNION ALL
               SELECT b.camera_id, NULL FROM sweep_bound b) x
        WHERE c.id = x.id AND (CASE WHEN x.v IS NULL THEN c.lapsed_at IS NOT NULL ELSE c.lapsed_at IS NULL END)
          -- The batch's cameras by customer index (else the planner hashes the whole table).
          AND c.customer_id = ANY($1::uuid[])`,
      [ids],
    );
    // One notice row per customer, selling dealer and kind (its cameras in arrays): the batch
    // expires or binds each license once, so each camera's notice is recorded once.
    const [{ lapsed }] = await rows<{ lapsed: number }>(
      em,
      `WITH ins AS (
         INSERT INTO license_notice (kind, customer_id, dealer_id, license_ids, previous_license_ids, camera_ids,
                                     ats, created_at)
         SELECT kind, customer_id, dealer_id, array_agg(license_id ORDER BY camera_id),
                array_agg(previous_license_id ORDER BY camera_id), array_agg(camera_id ORDER BY camera_id),
                array_agg(at ORDER BY camera_id), $1
           FROM (SELECT CASE WHEN b.id IS NULL THEN 'lapse' ELSE 'auto_assign' END AS kind,
                        COALESCE(b.id, e.id) AS license_id,
                        CASE WHEN b.id IS NULL THEN NULL ELSE e.id END AS previous_license_id,
                        e.camera_id, e.customer_id, COALESCE(b.dealer_id, e.dealer_id) AS dealer_id, e.ends_at AS at
                   FROM sweep_ended e LEFT JOIN sweep_bound b ON b.camera_id = e.camera_id
                  WHERE e.camera_id IS NOT NULL) s
          GROUP BY kind, customer_id, dealer_id
         RETURNING kind, cardinality(license_ids) AS n
       )
       SELECT COALESCE(sum(n) FILTER (WHERE kind = 'lapse'), 0)::int AS lapsed FROM ins`,
      [now],
    );
    const devices = await bumpEntitlementsVersion(
      em,
      {
        sql: `SELECT c.device_id FROM camera c
               WHERE c.id IN (SELECT camera_id FROM sweep_ended WHERE camera_id IS NOT NULL
                              UNION SELECT camera_id FROM sweep_bound)`,
      },
      now,
    );
    await sweepEvents(em, ids, now);
    await em.query(`DROP TABLE sweep_ended; DROP TABLE sweep_bound`);
    return { customers: ids.length, expired, bound, lapsed, devices };
  }

  /**
   * The one expire statement: the given customers' licenses whose `ends_at` has passed (now >
   * ends_at; a license is valid up to and including that instant) become `expired`, and are
   * kept in the batch's `sweep_ended` table (license, camera, customer, selling dealer, ends_at)
   * for the steps that follow. Returns how many expired.
   */
  private async expireInto(em: EntityManager, customerIds: string[], now: Date): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(
      em,
      `WITH ended AS (
         UPDATE license SET state = 'expired', updated_at = $2
          WHERE customer_id = ANY($1::uuid[]) AND state IN ('assigned', 'bound') AND ${endedAt('ends_at', '$2')}
          RETURNING id, camera_id, customer_id, selling_dealer_id, ends_at
       ), kept AS (
         INSERT INTO sweep_ended SELECT id, camera_id, customer_id, selling_dealer_id, ends_at FROM ended
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM kept`,
      [customerIds, now],
    );
    return n;
  }

  /** Serialises binding work for one customer until the transaction ends (re-entrant). */
  async lockCustomer(em: EntityManager, customerId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BINDING_LOCK, customerId]);
  }

  /**
   * Customer deactivation: every assigned or bound license of the customer becomes void (no
   * refund). The caller holds `lockCustomer`. Returns the voided ids.
   */
  async voidAllOfCustomer(em: EntityManager, customerId: string, now: Date): Promise<string[]> {
    const voided = await rows<{ id: string }>(
      em,
      `UPDATE license SET state = 'void', updated_at = $2
        WHERE customer_id = $1 AND state IN ('assigned', 'bound') RETURNING id`,
      [customerId, now],
    );
    return voided.map((v) => v.id);
  }

  /**
   * Ends the customer's licenses whose `ends_at` passed (the camera's lapse time is that
   * instant), then gives every eligible camera without a bound license the earliest-ending
   * unbound valid license of its kind — the sweep's batch for this one customer, under its
   * binding lock (so a camera that lost its license here also gets its lapse or
   * auto-assignment notice). Returns the number of licenses bound.
   */
  async bindFree(em: EntityManager, customerId: string): Promise<number> {
    await this.lockCustomer(em, customerId);
    const now = this.clock.now();
    // Under the lock, one statement tells whether the batch has anything to do: a due license,
    // or a camera waiting for a license while the pool holds one of its kind.
    const [{ work }] = await rows<{ work: boolean }>(
      em,
      `SELECT EXISTS (SELECT 1 FROM license
                       WHERE customer_id = $1 AND state IN ('assigned', 'bound') AND ${endedAt('ends_at', '$2')})
           OR EXISTS (SELECT 1 FROM camera c
                       WHERE c.customer_id = $1 AND c.deleted_at IS NULL AND NOT c.do_not_license
                         AND NOT EXISTS (SELECT 1 FROM license l WHERE l.camera_id = c.id AND l.state = 'bound')
                         AND EXISTS (SELECT 1 FROM license p
                                      WHERE p.customer_id = $1 AND p.kind = c.kind AND p.state = 'assigned'
                                        AND ${validAt('p.ends_at', '$2')})) AS work`,
      [customerId, now],
    );
    if (!work) return 0;
    return (await this.sweepBatch(em, [customerId], now)).bound;
  }
}
