import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (seed 001 §4.2.3): a device has at most one pending firmware-update reservation — a
 * new reservation overwrites (cancels) the pending one. Existing duplicates are cancelled first,
 * keeping the newest.
 */
export class FirmwareReservation1763880012000 implements MigrationInterface {
  name = 'FirmwareReservation1763880012000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE device_command k SET status = 'cancelled'
       WHERE k.kind = 'firmware_update' AND k.status = 'pending'
         AND EXISTS (SELECT 1 FROM device_command n
                      WHERE n.device_id = k.device_id AND n.kind = 'firmware_update' AND n.status = 'pending'
                        AND (n.created_at, n.id) > (k.created_at, k.id));
      CREATE UNIQUE INDEX device_command_firmware_pending_key ON device_command (device_id)
        WHERE kind = 'firmware_update' AND status = 'pending';
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX device_command_firmware_pending_key`);
  }
}
