import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LicenseKind } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';

/** Per-customer advisory lock key space (two-int form: this class id, hashtext(customer id)). */
const BINDING_LOCK = 727_200;

/**
 * Automatic binding (SPEC §2). Every use case that can leave a camera without a license or a
 * license without a camera calls `bindFree` inside its own transaction. A per-customer advisory
 * transaction lock serialises binds of one customer; the partial unique index
 * `license_bound_camera_key` is the backstop.
 */
@Injectable()
export class BindingService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The `expiry-sweep` job: for every customer with a license whose `ends_at` passed, expires
   * it and binds the pool's next license to the lapsed camera (SPEC §2 "auto-assign on
   * expiry"). One transaction per customer; safe to run twice or from two processes.
   */
  async sweepExpired(now: Date): Promise<{ customers: number; bound: number }> {
    const customers = await rows<{ customer_id: string }>(
      this.ds.manager,
      `SELECT DISTINCT customer_id FROM license WHERE state IN ('assigned', 'bound') AND ends_at <= $1`,
      [now],
    );
    let bound = 0;
    for (const c of customers) {
      bound += await this.ds.transaction((em) => this.bindFree(em, c.customer_id));
    }
    return { customers: customers.length, bound };
  }

  /** Serialises binding work for one customer until the transaction ends (re-entrant). */
  async lockCustomer(em: EntityManager, customerId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BINDING_LOCK, customerId]);
  }

  /** Bumps the entitlements version of devices whose cameras' licensed state changed. */
  async bumpDevices(em: EntityManager, deviceIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(deviceIds)];
    if (!ids.length) return;
    await em.query(
      `UPDATE device SET entitlements_version = entitlements_version + 1, updated_at = $2 WHERE id = ANY($1::uuid[])`,
      [ids, this.clock.now()],
    );
  }

  /**
   * Marks the customer's licenses whose `ends_at` passed as expired (a camera's lapse time is
   * that instant). Takes the customer's binding lock. Returns the devices whose cameras lapsed.
   */
  async expireEnded(em: EntityManager, customerId: string): Promise<Set<string>> {
    const now = this.clock.now();
    await this.lockCustomer(em, customerId);
    const touched = new Set<string>();
    const ended = await rows<{ camera_id: string | null; ends_at: Date }>(
      em,
      `UPDATE license SET state = 'expired', updated_at = $2
        WHERE customer_id = $1 AND state IN ('assigned', 'bound') AND ends_at <= $2
        RETURNING camera_id, ends_at`,
      [customerId, now],
    );
    for (const l of ended.filter((e) => e.camera_id)) {
      const [c] = await rows<{ device_id: string }>(
        em,
        `UPDATE camera SET lapsed_at = $2 WHERE id = $1 AND lapsed_at IS NULL RETURNING device_id`,
        [l.camera_id, l.ends_at],
      );
      if (c) touched.add(c.device_id);
    }
    return touched;
  }

  /**
   * Ends the customer's licenses whose `ends_at` passed (the camera's lapse time is that
   * instant), then gives every eligible camera without a bound license the earliest-ending
   * unbound valid license of its kind. Returns the number of licenses bound.
   */
  async bindFree(em: EntityManager, customerId: string): Promise<number> {
    const now = this.clock.now();
    const touched = await this.expireEnded(em, customerId);

    // Never-licensed cameras count as lapsed when they registered.
    const cameras = await rows<{ id: string; kind: LicenseKind; device_id: string }>(
      em,
      `SELECT c.id, c.kind, c.device_id FROM camera c
        WHERE c.customer_id = $1 AND c.deleted_at IS NULL AND NOT c.do_not_license
          AND NOT EXISTS (SELECT 1 FROM license l WHERE l.camera_id = c.id AND l.state = 'bound')
        ORDER BY COALESCE(c.lapsed_at, c.registered_at), c.registered_at, c.channel, c.id
        FOR UPDATE OF c`,
      [customerId],
    );
    if (cameras.length) {
      const pool = await rows<{ id: string; kind: LicenseKind }>(
        em,
        `SELECT id, kind FROM license
          WHERE customer_id = $1 AND state = 'assigned' AND ends_at > $2
          ORDER BY ends_at, assigned_at, id
          FOR UPDATE SKIP LOCKED`,
        [customerId, now],
      );
      const byKind: Record<LicenseKind, string[]> = { edge: [], direct: [] };
      for (const l of pool) byKind[l.kind].push(l.id);
      let bound = 0;
      for (const cam of cameras) {
        const licenseId = byKind[cam.kind].shift();
        if (!licenseId) continue;
        await em.query(
          `UPDATE license SET state = 'bound', camera_id = $2, updated_at = $3 WHERE id = $1 AND state = 'assigned'`,
          [licenseId, cam.id, now],
        );
        await em.query(`UPDATE camera SET lapsed_at = NULL WHERE id = $1`, [cam.id]);
        touched.add(cam.device_id);
        bound++;
      }
      await this.bumpDevices(em, touched);
      return bound;
    }
    await this.bumpDevices(em, touched);
    return 0;
  }
}
