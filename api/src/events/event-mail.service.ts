import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_MAIL_FOLD_MINUTES,
  eventTypeLabel,
  insideSchedule,
  isNotifyEventType,
  type EventNotificationSettings,
} from '@lc/shared';
import { rows } from '../common/database/database.js';
import { MailService } from '../common/mail/mail.service.js';
import { EventNotificationsService } from './event-notifications.service.js';
import { licensedForNotification, recipientsForCameraEvent, type EventRecipient } from './recipients.js';

/** An event the heartbeat just stored. */
export interface StoredEvent {
  id: string;
  deviceId: string;
  cameraId: string | null;
  type: string;
  at: Date;
}

/**
 * Event e-mails (issue #15, API.md "Event notifications"). Runs inside the heartbeat's
 * transaction, which holds the reporting device's row lock — so the events of one camera are
 * handled by one transaction at a time, whatever the number of API processes.
 *
 * Per event (oldest first) of a notifiable type whose camera has a valid license, for every user
 * who may receive it ({@link recipientsForCameraEvent}), chose e-mail and that type, and is
 * inside their schedule at the event's time in their own zone:
 *
 * - `event_mail_state (user, source, type)` holds when the last e-mail went out. The upsert only
 *   moves it when that was more than 10 minutes before this event; then ONE e-mail is queued in
 *   the outbox (same transaction; dedupe key per user and event as a backstop).
 * - Otherwise the event is folded into the last e-mail (`folded` counts it).
 *
 * Nothing commits unless the heartbeat commits, so a retried heartbeat mails nothing twice.
 */
@Injectable()
export class EventMailService {
  constructor(
    private readonly mail: MailService,
    private readonly settings: EventNotificationsService,
  ) {}

  async notify(em: EntityManager, events: StoredEvent[]): Promise<{ mailed: number; folded: number }> {
    let mailed = 0;
    let folded = 0;
    const ordered = events
      .filter((e) => isNotifyEventType(e.type))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
    if (!ordered.length) return { mailed, folded };
    const names = await this.names(em, ordered[0].deviceId);
    const audiences = new Map<
      string,
      { recipients: EventRecipient[]; settings: Map<string, EventNotificationSettings> }
    >();
    for (const e of ordered) {
      if (!(await licensedForNotification(em, e.deviceId, e.cameraId, e.at))) continue;
      // Who, and their settings, once per camera in this batch (a heartbeat carries ≤ 100 events).
      const source = e.cameraId ?? e.deviceId;
      let audience = audiences.get(source);
      if (!audience) {
        const recipients = await recipientsForCameraEvent(em, e.deviceId, e.cameraId);
        const settings = await this.settings.load(
          em,
          recipients.map((r) => r.userId),
        );
        audiences.set(source, (audience = { recipients, settings }));
      }
      const { recipients, settings } = audience;
      if (!recipients.length) continue;
      for (const r of recipients) {
        const s = settings.get(r.userId)!;
        if (!s.email || !(s.eventTypes as string[]).includes(e.type)) continue;
        if (!insideSchedule(s.schedule, e.at, r.timeZone)) continue;
        const sourceId = source;
        const claimed = await rows<{ user_id: string }>(
          em,
          `INSERT INTO event_mail_state (user_id, source_id, type, last_mailed_at, last_event_id, folded)
           VALUES ($1, $2, $3, $4, $5, 0)
           ON CONFLICT (user_id, source_id, type) DO UPDATE
             SET last_mailed_at = EXCLUDED.last_mailed_at, last_event_id = EXCLUDED.last_event_id, folded = 0
           WHERE event_mail_state.last_mailed_at <= EXCLUDED.last_mailed_at - make_interval(mins => $6)
           RETURNING user_id`,
          [r.userId, sourceId, e.type, e.at, e.id, EVENT_MAIL_FOLD_MINUTES],
        );
        if (!claimed.length) {
          await em.query(
            `UPDATE event_mail_state SET folded = folded + 1 WHERE user_id = $1 AND source_id = $2 AND type = $3`,
            [r.userId, sourceId, e.type],
          );
          folded++;
          continue;
        }
        const camera = e.cameraId ? names.cameras.get(e.cameraId) : undefined;
        const to = new Date(e.at.getTime() + EVENT_MAIL_FOLD_MINUTES * 60_000);
        const link =
          `/events?deviceIds=${e.deviceId}&types=${e.type}` +
          `&from=${encodeURIComponent(e.at.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
        const id = await this.mail.enqueue(em, {
          to: r.email,
          template: 'device-event',
          language: r.language,
          timeZone: r.timeZone,
          dedupeKey: `device-event:${r.userId}:${e.id}`,
          data: {
            deviceId: e.deviceId,
            cameraId: e.cameraId,
            type: e.type,
            at: e.at.toISOString(),
            typeLabel: eventTypeLabel(e.type, r.language),
            deviceName: names.device,
            cameraName: camera ?? null,
            foldMinutes: EVENT_MAIL_FOLD_MINUTES,
            eventPath: link,
          },
        });
        if (id) mailed++;
      }
    }
    return { mailed, folded };
  }

  private async names(em: EntityManager, deviceId: string) {
    const r = await rows<{ device_name: string; camera_id: string | null; camera_name: string | null }>(
      em,
      `SELECT COALESCE(d.name, d.serial) AS device_name, c.id AS camera_id,
              COALESCE(c.name, 'CH' || c.channel) AS camera_name
         FROM device d LEFT JOIN camera c ON c.device_id = d.id
        WHERE d.id = $1`,
      [deviceId],
    );
    return {
      device: r[0]?.device_name ?? '',
      cameras: new Map(r.filter((c) => c.camera_id).map((c) => [c.camera_id!, c.camera_name!])),
    };
  }
}
