/** E-mails the scheduled jobs send (SPEC §4), as the dealer's Notifications page lists them. */
export const NOTIFICATION_KINDS = ['reminder', 'lapse', 'auto_assign'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Reminder thresholds before `ends_at`, longest first. */
export const REMINDER_THRESHOLDS = ['90d', '60d', '30d', '14d', '24h'] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];
export const DEALER_REMINDER_THRESHOLDS: readonly ReminderThreshold[] = ['90d', '60d', '30d', '14d', '24h'];
export const CUSTOMER_REMINDER_THRESHOLDS: readonly ReminderThreshold[] = ['14d', '24h'];

export function isNotificationKind(v: unknown): v is NotificationKind {
  return typeof v === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(v);
}

export interface NotificationLicenseView {
  licenseId: string;
  skuCode: string;
  customerId: string;
  customerName: string;
  cameraId: string | null;
  cameraName: string | null;
  endsAt: string;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  threshold: ReminderThreshold | null;
  recipientKind: 'dealer' | 'customer';
  to: string;
  language: 'ja' | 'en';
  customerId: string | null;
  customerName: string | null;
  createdAt: string;
  /** Delivery state of the e-mail in the outbox. */
  status: 'pending' | 'sending' | 'sent' | 'failed' | null;
  sentAt: string | null;
  licenseCount: number;
  licenses: NotificationLicenseView[];
}

/** A dealer member's own notification settings. */
export interface NotificationSettings {
  /** Receive license-expiry reminders and lapse notices (the dealer's notification e-mail always does). */
  licenseReminders: boolean;
}
