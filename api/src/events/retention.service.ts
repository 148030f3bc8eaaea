import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_RETENTION_MONTHS } from '@lc/shared';
import { rows } from '../common/database/database.js';

/** Deleted per statement: short transactions, so heartbeats inserting events never wait long. */
export const EVENT_RETENTION_BATCH = 5000;

/**
 * The `event-retention` job: events are kept one month (seed 001 §2.1). Deletes older events in
 * batches of {@link EVENT_RETENTION_BATCH}, each its own transaction (`FOR UPDATE SKIP LOCKED`:
 * two runs never fight over rows), and the fold state of e-mails sent more than a day ago.
 * Safe to run twice and from two processes; a crash loses at most one batch, the next run goes on.
 */
@Injectable()
export class EventRetentionService {
  constructor(private readonly ds: DataSource) {}

  async purge(now: Date, batch = EVENT_RETENTION_BATCH): Promise<{ eventsDeleted: number; batches: number }> {
    let eventsDeleted = 0;
    let batches = 0;
    for (;;) {
      const r = await this.ds.transaction((em) =>
        rows<{ id: string }>(
          em,
          `DELETE FROM device_event WHERE id IN (
             SELECT id FROM device_event WHERE at < $1::timestamptz - make_interval(months => $2)
              LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING id`,
          [now, EVENT_RETENTION_MONTHS, batch],
        ),
      );
      batches++;
      eventsDeleted += r.length;
      if (r.length < batch) break;
    }
    await this.ds.query(
      `DELETE FROM event_mail_state WHERE last_mailed_at < $1::timestamptz - interval '1 day'`,
      [now],
    );
    return { eventsDeleted, batches };
  }
}
