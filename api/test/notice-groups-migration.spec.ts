import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/index.js';

// Issue 16: migration NoticeGroups1764050000000 turns the per-camera notices into one row per
// customer, dealer, kind and batch. Pending notices must survive reverting it and applying it
// again (each test database is its own copy, so reverting here touches no other suite).

const t = useTestApp();

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('NoticeGroups migration', () => {
  it('keeps every camera of a pending notice, its mailed state and its id, down and up again', async () => {
    const at = new Date('2027-12-31T14:59:59.999Z');
    await t.ds.query(
      `INSERT INTO license_notice (kind, customer_id, dealer_id, license_ids, previous_license_ids, camera_ids, ats,
                                   created_at, dealer_mailed_at)
       VALUES ('auto_assign', $1, $2, ARRAY[$3, $4]::uuid[], ARRAY[$5, $6]::uuid[], ARRAY[$7, $8]::uuid[],
               ARRAY[$9, $9]::timestamptz[], $9, $9)`,
      [id(1), id(2), id(3), id(4), id(5), id(6), id(7), id(8), at],
    );
    const before = await t.ds.query(
      `SELECT notice_id, kind, license_id, previous_license_id, camera_id, customer_mailed_at, dealer_mailed_at
         FROM license_notice_item WHERE customer_id = $1 ORDER BY ord`,
      [id(1)],
    );
    expect(before).toHaveLength(2);

    // Revert down to (and including) NoticeGroups, whatever migrations came after it.
    const last = async () =>
      Number(
        (await t.ds.query(`SELECT timestamp FROM typeorm_migrations ORDER BY id DESC LIMIT 1`))[0].timestamp,
      );
    while ((await last()) >= 1764050000000) await t.ds.undoLastMigration({ transaction: 'each' });
    const down = await t.ds.query(
      `SELECT kind, license_id, previous_license_id, camera_id, customer_mailed_at, dealer_mailed_at
         FROM license_notice WHERE customer_id = $1 ORDER BY id`,
      [id(1)],
    );
    expect(down).toEqual(before.map(({ notice_id: _n, ...rest }: Record<string, unknown>) => rest));

    await t.ds.runMigrations({ transaction: 'each' });
    const up = await t.ds.query(
      `SELECT notice_id, kind, license_id, previous_license_id, camera_id, customer_mailed_at, dealer_mailed_at
         FROM license_notice_item WHERE customer_id = $1 ORDER BY ord`,
      [id(1)],
    );
    expect(up).toEqual(before);
    // New notices take ids above every earlier one (the outbox's dedupe keys name them).
    const [{ next }] = await t.ds.query(`SELECT nextval('license_notice_id_seq')::int AS next`);
    expect(next).toBeGreaterThan(Number(before[0].notice_id));
  });
});
