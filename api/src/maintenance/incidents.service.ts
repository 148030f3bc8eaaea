import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { INCIDENT_KINDS, type IncidentKind, type Language } from '@lc/shared';
import { rows } from '../common/database/database.js';
import { MailService } from '../common/mail/mail.service.js';
import { linkCovers, maintenanceRecipients } from './recipients.js';
import { deviceAnomalyEvents } from '../integrations/events.js';

interface IncidentRow {
  id: string;
  dealer_id: string;
  device_id: string;
  customer_id: string;
  kind: IncidentKind;
  opened_at: Date;
  closed_at: Date | null;
}

const KIND_LABEL: Record<Language, Record<IncidentKind, string>> = {
  en: { communication_error: 'Communication error', recorder_error: 'Recorder error', alarm: 'Alarm' },
  ja: { communication_error: '通信異常', recorder_error: 'レコーダー異常', alarm: 'アラーム' },
};

/**
 * Anomaly incidents for the maintaining dealers (SPEC §9): a linked device whose status is an
 * anomaly (communication error, recorder error, alarm) opens one incident per dealer, device and
 * kind — the partial unique index allows one open at a time, so the contacts get ONE e-mail per
 * incident however often the scan runs — and a recovery e-mail when the status clears. While a
 * device is silent (communication error) its recorder-error/alarm incidents stay open: nobody
 * knows yet whether they cleared. Unlinked devices' incidents close without an e-mail.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly mail: MailService,
  ) {}

  /** Set-based; safe to run twice and from two processes (insert … on conflict, update … where open). */
  async scan(now: Date): Promise<{ incidentsOpened: number; incidentsClosed: number; anomalyMails: number }> {
    return this.ds.transaction(async (em) => {
      const linked = `SELECT DISTINCT l.dealer_id, d.id AS device_id, d.customer_id, d.status
          FROM maintenance_link l
          JOIN device d ON d.customer_id = l.customer_id AND d.deleted_at IS NULL
         WHERE l.removed_at IS NULL AND ${linkCovers('l', 'd')}`;
      const opened = await rows<IncidentRow>(
        em,
        `WITH linked AS (${linked})
         INSERT INTO maintenance_incident (dealer_id, device_id, customer_id, kind, opened_at)
         SELECT dealer_id, device_id, customer_id, status, $1 FROM linked WHERE status = ANY($2::text[])
         ON CONFLICT (dealer_id, device_id, kind) WHERE closed_at IS NULL DO NOTHING
         RETURNING *`,
        [now, INCIDENT_KINDS],
      );
      const closed = await rows<IncidentRow & { still_linked: boolean }>(
        em,
        `WITH linked AS (${linked})
         UPDATE maintenance_incident i
            SET closed_at = $1,
                close_reason = CASE WHEN EXISTS (SELECT 1 FROM linked k WHERE k.dealer_id = i.dealer_id
                                                   AND k.device_id = i.device_id)
                                    THEN 'recovered' ELSE 'unlinked' END
          WHERE i.closed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM linked k
                             WHERE k.dealer_id = i.dealer_id AND k.device_id = i.device_id
                               AND (k.status = i.kind
                                    OR (i.kind <> 'communication_error' AND k.status = 'communication_error')))
         RETURNING i.*, (i.close_reason = 'recovered') AS still_linked`,
        [now],
      );
      await deviceAnomalyEvents(em, opened, now);
      const recovered = closed.filter((c) => c.still_linked);
      const mails =
        (await this.notify(em, 'maintenance-anomaly', opened)) +
        (await this.notify(em, 'maintenance-recovered', recovered));
      return { incidentsOpened: opened.length, incidentsClosed: closed.length, anomalyMails: mails };
    });
  }

  private async notify(em: EntityManager, template: string, incidents: IncidentRow[]): Promise<number> {
    if (!incidents.length) return 0;
    const to = await maintenanceRecipients(em, [...new Set(incidents.map((i) => i.dealer_id))]);
    const devices = new Map(
      (
        await rows<{ id: string; name: string | null; serial: string; model: string; customer_name: string }>(
          em,
          `SELECT d.id, d.name, d.serial, d.model, c.name AS customer_name
             FROM device d JOIN customer c ON c.id = d.customer_id WHERE d.id = ANY($1::uuid[])`,
          [incidents.map((i) => i.device_id)],
        )
      ).map((d) => [d.id, d]),
    );
    let n = 0;
    for (const i of incidents) {
      const r = to.get(i.dealer_id);
      const d = devices.get(i.device_id);
      if (!r || !d) continue;
      const event = template === 'maintenance-anomaly' ? 'opened' : 'closed';
      for (const address of r.emails) {
        const id = await this.mail.enqueue(em, {
          to: address,
          template,
          language: r.language,
          timeZone: r.timeZone,
          dedupeKey: `maintenance-incident:${i.id}:${event}:${address.toLowerCase()}`,
          data: {
            companyName: r.companyName,
            customerName: d.customer_name,
            deviceId: i.device_id,
            deviceName: d.name ?? d.serial,
            serial: d.serial,
            model: d.model,
            kind: i.kind,
            kindLabel: KIND_LABEL[r.language][i.kind],
            openedAt: i.opened_at.toISOString(),
            closedAt: i.closed_at ? i.closed_at.toISOString() : null,
          },
        });
        if (id) n++;
      }
    }
    return n;
  }
}

/** Customer deactivation: the customer's open incidents close as unlinked (caller's transaction). */
export async function closeIncidentsOfCustomer(
  em: EntityManager,
  customerId: string,
  now: Date,
): Promise<void> {
  await em.query(
    `UPDATE maintenance_incident SET closed_at = $2, close_reason = 'unlinked'
      WHERE customer_id = $1 AND closed_at IS NULL`,
    [customerId, now],
  );
}
