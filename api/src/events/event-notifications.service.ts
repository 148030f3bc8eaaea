import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_EVENT_NOTIFICATION_SETTINGS,
  NOTIFY_EVENT_TYPES,
  scheduleProblem,
  type EventNotificationSettings,
  type NotificationSchedule,
  type NotifyEventType,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { EventNotificationsDto } from './dto/event-notifications.dto.js';

interface SettingRow {
  user_id: string;
  email: boolean;
  push: boolean;
  event_types: string[];
  schedule: NotificationSchedule | null;
}

const view = (r: SettingRow | undefined): EventNotificationSettings =>
  r
    ? {
        email: r.email,
        push: r.push,
        // In the documented order, whatever order they were saved in.
        eventTypes: NOTIFY_EVENT_TYPES.filter((t) => r.event_types.includes(t)),
        schedule: r.schedule,
      }
    : {
        ...DEFAULT_EVENT_NOTIFICATION_SETTINGS,
        eventTypes: [...DEFAULT_EVENT_NOTIFICATION_SETTINGS.eventTypes],
      };

/** Per-user event notification settings (seed 001 §4.1.7, §5.6.4): e-mail, push, types, schedule. */
@Injectable()
export class EventNotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async get(userId: string): Promise<EventNotificationSettings> {
    return (await this.load(this.ds.manager, [userId])).get(userId)!;
  }

  /** The settings of several users (defaults for those who never saved any). */
  async load(em: EntityManager, userIds: string[]): Promise<Map<string, EventNotificationSettings>> {
    const r = await rows<SettingRow>(
      em,
      `SELECT user_id, email, push, event_types, schedule FROM event_notification_setting
        WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const byUser = new Map(r.map((s) => [s.user_id, s]));
    return new Map(userIds.map((id) => [id, view(byUser.get(id))]));
  }

  /** Replaces the caller's settings; audited (a proxy session records the dealer member). */
  async put(user: AuthUser, dto: EventNotificationsDto): Promise<EventNotificationSettings> {
    const schedule = dto.schedule ?? null;
    if (schedule) {
      const problem = scheduleProblem(schedule);
      if (problem) {
        const field = problem.slice(0, problem.indexOf(':'));
        throw AppError.validation(field, problem.slice(problem.indexOf(':') + 2));
      }
    }
    const eventTypes = [...new Set(dto.eventTypes)] as NotifyEventType[];
    return this.ds.transaction(async (em) => {
      const before = (await this.load(em, [user.id])).get(user.id);
      const [r] = await rows<SettingRow>(
        em,
        `INSERT INTO event_notification_setting (user_id, email, push, event_types, schedule, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, push = EXCLUDED.push,
           event_types = EXCLUDED.event_types, schedule = EXCLUDED.schedule, updated_at = EXCLUDED.updated_at
         RETURNING user_id, email, push, event_types, schedule`,
        [
          user.id,
          dto.email,
          dto.push,
          eventTypes,
          schedule
            ? JSON.stringify({ days: [...schedule.days].sort(), from: schedule.from, to: schedule.to })
            : null,
          this.clock.now(),
        ],
      );
      const after = view(r);
      await this.audit.record(em, user, {
        action: 'events.notification_settings_changed',
        targetType: 'user',
        targetId: user.id,
        before,
        after,
      });
      return after;
    });
  }
}
