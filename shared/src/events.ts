/**
 * Device events, event notifications, announcements and the other core-portal pieces of issue
 * #15 (seed 001 §4.1.7, §5.6–5.8, §6.1). Pure rules (schedule window, search presets) live here
 * so the API and the console use the same ones.
 */
import { localDate, zonedTimeToUtc } from './term.js';
import type { Language } from './accounts.js';

/** Camera events a user may be notified of (seed 001 §2.1 "Event notification" 1.). */
export const CAMERA_EVENT_TYPES = [
  'motion',
  'audio',
  'tampering',
  'terminal_alarm',
  'command_alarm',
  'sd_card',
] as const;
/** Recorder sensor events (seed 001 §2.1 "Event notification" 2.). */
export const RECORDER_EVENT_TYPES = [
  'hdd_space',
  'recorder_tampering',
  'recording_limit',
  'hdd_warning',
  'raid',
  'power_failure',
  'video_loss',
  'camera_failure',
] as const;
/** Everything a notification setting may choose. */
export const NOTIFY_EVENT_TYPES = [...CAMERA_EVENT_TYPES, ...RECORDER_EVENT_TYPES] as const;
export type NotifyEventType = (typeof NOTIFY_EVENT_TYPES)[number];
/** Other words devices report (the simulator's alarm, recording start/stop); searchable, never mailed. */
export const OTHER_EVENT_TYPES = ['alarm', 'recording_started', 'recording_stopped'] as const;
export const KNOWN_EVENT_TYPES = [...NOTIFY_EVENT_TYPES, ...OTHER_EVENT_TYPES] as const;
/** Event types shown under the header bell ("alarm notifications", seed 001 §5.6.2). */
export const ALARM_EVENT_TYPES: readonly string[] = [...NOTIFY_EVENT_TYPES, 'alarm'];

export function isNotifyEventType(v: unknown): v is NotifyEventType {
  return typeof v === 'string' && (NOTIFY_EVENT_TYPES as readonly string[]).includes(v);
}

export const EVENT_TYPE_LABELS: Record<Language, Record<string, string>> = {
  en: {
    motion: 'Motion detection',
    audio: 'Audio detection',
    tampering: 'Tampering detection',
    terminal_alarm: 'Terminal alarm',
    command_alarm: 'Command alarm',
    sd_card: 'SD memory card',
    hdd_space: 'HDD remaining space',
    recorder_tampering: 'Recorder tampering detection',
    recording_limit: 'Recording limit reached',
    hdd_warning: 'HDD warning',
    raid: 'RAID recovery',
    power_failure: 'Power failure',
    video_loss: 'Video loss',
    camera_failure: 'Camera failure',
    alarm: 'Alarm',
    recording_started: 'Recording started',
    recording_stopped: 'Recording stopped',
  },
  ja: {
    motion: '動作検知',
    audio: '音検知',
    tampering: '妨害検知',
    terminal_alarm: '端子アラーム',
    command_alarm: 'コマンドアラーム',
    sd_card: 'SDメモリーカード',
    hdd_space: 'HDD残容量',
    recorder_tampering: 'レコーダー改ざん検知',
    recording_limit: '最大録画件数到達',
    hdd_warning: 'HDD警告',
    raid: 'RAIDリカバリー',
    power_failure: '停電',
    video_loss: 'ビデオロス',
    camera_failure: 'カメラ異常',
    alarm: 'アラーム',
    recording_started: '録画開始',
    recording_stopped: '録画停止',
  },
};

/** The event type as words; an unknown type reads "Other (<type>)". */
export function eventTypeLabel(type: string, lang: Language): string {
  return EVENT_TYPE_LABELS[lang][type] ?? (lang === 'ja' ? `その他（${type}）` : `Other (${type})`);
}

/** Events of the same user, camera and type within this many minutes of the last e-mail are folded. */
export const EVENT_MAIL_FOLD_MINUTES = 10;
/** Events are kept one month (seed 001 §2.1); the retention job deletes older ones. */
export const EVENT_RETENTION_MONTHS = 1;
/** The header bell lists this many latest alarms (seed 001 §5.6.2). */
export const EVENT_BELL_SIZE = 10;

/** Notification time window: weekdays (0 = Sunday) and local times "HH:MM" (API.md). */
export interface NotificationSchedule {
  days: number[];
  from: string;
  to: string;
}

export interface EventNotificationSettings {
  email: boolean;
  push: boolean;
  eventTypes: NotifyEventType[];
  /** null = always. */
  schedule: NotificationSchedule | null;
}

/** A user who never saved settings: no e-mail or push (seed 001 §5.6.4 shows both OFF), every type, always. */
export const DEFAULT_EVENT_NOTIFICATION_SETTINGS: EventNotificationSettings = {
  email: false,
  push: false,
  eventTypes: [...NOTIFY_EVENT_TYPES],
  schedule: null,
};

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
export const isHhMm = (s: unknown): s is string => typeof s === 'string' && HHMM.test(s);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The first problem of a schedule, naming its field, or null. */
export function scheduleProblem(s: NotificationSchedule): string | null {
  if (!Array.isArray(s.days) || s.days.length === 0) return 'schedule.days: choose at least one weekday';
  if (s.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
    return 'schedule.days: weekdays are 0 (Sunday) to 6 (Saturday)';
  if (new Set(s.days).size !== s.days.length) return 'schedule.days: a weekday is listed twice';
  if (!isHhMm(s.from) || s.from === '24:00') return 'schedule.from: must be a time HH:MM (00:00–23:59)';
  if (!isHhMm(s.to)) return 'schedule.to: must be a time HH:MM (00:00–24:00)';
  return null;
}

function localWeekdayAndMinute(instant: Date, timeZone: string): { weekday: number; minute: number } {
  const d = localDate(instant, timeZone);
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  // Minutes of the wall clock (a DST day still reads its wall clock).
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  return { weekday, minute: hour * 60 + minute };
}

/**
 * Is `instant` inside the schedule, read in the user's zone? null = always. `from < to`: that
 * window on each chosen weekday; `from > to`: the window starts on a chosen weekday and runs past
 * midnight into the next day; `from == to`: the whole chosen day. `to` is exclusive.
 */
export function insideSchedule(
  schedule: NotificationSchedule | null,
  instant: Date,
  timeZone: string,
): boolean {
  if (!schedule) return true;
  const { weekday, minute } = localWeekdayAndMinute(instant, timeZone);
  const from = minutesOf(schedule.from);
  const to = minutesOf(schedule.to);
  const on = (d: number) => schedule.days.includes(d);
  if (from === to) return on(weekday);
  if (from < to) return on(weekday) && minute >= from && minute < to;
  return (on(weekday) && minute >= from) || (on((weekday + 6) % 7) && minute < to);
}

/** Search period presets (seed 001 §5.6.5), calendar days in the user's zone. */
export const EVENT_PERIOD_PRESETS = ['today', 'yesterday', 'last7days'] as const;
export type EventPeriodPreset = (typeof EVENT_PERIOD_PRESETS)[number];

/** [from, to) of a preset: today = local midnight → next midnight; last 7 days = today and the 6 before. */
export function eventPeriod(
  preset: EventPeriodPreset,
  now: Date,
  timeZone: string,
): { from: Date; to: Date } {
  const d = localDate(now, timeZone);
  const day = (offset: number) => zonedTimeToUtc(d.year, d.month, d.day + offset, 0, 0, timeZone);
  switch (preset) {
    case 'today':
      return { from: day(0), to: day(1) };
    case 'yesterday':
      return { from: day(-1), to: day(0) };
    case 'last7days':
      return { from: day(-6), to: day(1) };
  }
}

/** Event search answer: a page plus whether more than the shown 1000 matched. */
export interface EventSearchMeta {
  /** More events matched than the 1000 the search shows (the oldest are left out). */
  truncated: boolean;
}

/** One alarm under the header bell. */
export interface AlarmView {
  id: string;
  deviceId: string;
  deviceName: string | null;
  cameraId: string | null;
  cameraName: string | null;
  type: string;
  at: string;
}

export const ANNOUNCEMENT_AUDIENCES = ['customers', 'dealers', 'all'] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];
export const ANNOUNCEMENT_TITLE_MAX = 100;
export const ANNOUNCEMENT_BODY_MAX = 5000;

export interface AnnouncementView {
  id: string;
  title: { ja: string; en: string };
  body: { ja: string; en: string };
  audience: AnnouncementAudience;
  publishAt: string;
  createdAt: string;
}

/** Message categories in the portal's message list (seed 001 §5.7, §5.8.2). */
export const MESSAGE_CATEGORIES = ['notice', 'announcement', 'maintenance'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** `GET /api/help`. */
export interface HelpInfo {
  serviceVersion: string;
  manuals: Array<{ key: string; url: string }>;
}

/** `GET /api/terms`: the current terms-of-use version and whether this user accepted it. */
export interface TermsStatus {
  /** null when the service asks for no terms of use (TERMS_VERSION=off). */
  version: string | null;
  required: boolean;
  acceptedAt: string | null;
}

/** Thumbnail-cache sending intervals offered by the console (minutes). */
export const THUMBNAIL_CACHE_INTERVALS = [1, 5, 10, 30, 60] as const;
/** Device commands that may be sent to several recorders at once (seed 001 §4.2.10–4.2.11). */
export const BULK_COMMAND_KINDS = ['firmware_update', 'restart', 'thumbnail_cache'] as const;
export type BulkCommandKind = (typeof BULK_COMMAND_KINDS)[number];
export const BULK_DEVICE_MAX = 100;

export interface BulkCommandResult {
  deviceId: string;
  deviceName: string | null;
  ok: boolean;
  commandId: string | null;
  code: number | null;
  message: string | null;
}
