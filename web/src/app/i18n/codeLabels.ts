import type { Language } from '@lc/shared';

type Table = Record<string, { en: string; ja: string }>;

/** Audit log actions (`licenses.assigned` …). */
const AUDIT_ACTIONS: Table = {
  'dealer.created': { en: 'Dealer added', ja: '販売店を追加' },
  'dealer.updated': { en: 'Dealer profile changed', ja: '販売店情報を変更' },
  'dealer.suspended': { en: 'Dealer suspended', ja: '販売店を利用停止' },
  'dealer.reinstated': { en: 'Dealer reinstated', ja: '販売店の利用を再開' },
  'dealer.invoice_registration_number.updated': {
    en: 'Invoice registration number changed',
    ja: '適格請求書の登録番号を変更',
  },
  'dealer.maintenance_contacts_updated': { en: 'Maintenance contacts changed', ja: '保守連絡先を変更' },
  'member.invited': { en: 'Member invited', ja: 'メンバーを招待' },
  'member.invitation_resent': { en: 'Invitation sent again', ja: '招待を再送' },
  'member.role_changed': { en: 'Member role changed', ja: 'メンバーの権限を変更' },
  'member.removed': { en: 'Member removed', ja: 'メンバーを削除' },
  'invitation.accepted': { en: 'Invitation accepted', ja: '招待を承諾' },
  'customer.created': { en: 'Customer added', ja: '顧客を追加' },
  'customer.updated': { en: 'Customer changed', ja: '顧客情報を変更' },
  'customer.handover_answered': { en: 'Handover answered', ja: '引き渡しの回答' },
  'customer.deactivated': { en: 'Customer account deactivated', ja: '顧客アカウントを解約' },
  'proxy_session.opened': { en: 'Proxy session opened', ja: '代理ログインを開始' },
  'proxy_session.closed': { en: 'Proxy session closed', ja: '代理ログインを終了' },
  'password.reset': { en: 'Password reset', ja: 'パスワードを再設定' },
  'password.set': { en: 'Password set', ja: 'パスワードを設定' },
  'email.change_requested': { en: 'E-mail change requested', ja: 'メール変更を申請' },
  'email.changed': { en: 'E-mail changed', ja: 'メールを変更' },
  'licenses.assigned': { en: 'License assigned', ja: 'ライセンスを割り当て' },
  'licenses.transferred': { en: 'License moved to another camera', ja: 'ライセンスを別のカメラへ移動' },
  'cameras.updated': { en: 'Camera changed', ja: 'カメラを変更' },
  'devices.cameras_added': { en: 'Cameras added', ja: 'カメラを追加' },
  'devices.command_queued': { en: 'Device operation requested', ja: '機器の操作を依頼' },
  'devices.deleted': { en: 'Device deleted', ja: '機器を削除' },
  'devices.exchanged': { en: 'Device exchanged', ja: '機器を交換' },
  'maintenance.command_queued': { en: 'Remote maintenance operation', ja: 'リモートメンテナンス操作' },
  'maintenance.link_refused': { en: 'Maintenance link refused', ja: '保守連携を拒否' },
  'maintenance.linked': { en: 'Devices linked for maintenance', ja: '保守連携を設定' },
  'maintenance.unlinked': { en: 'Maintenance link removed', ja: '保守連携を解除' },
  'order.submitted': { en: 'Order submitted', ja: '発注を送信' },
  'ec.order.paid': { en: 'EC-site purchase', ja: 'ECサイトでの購入' },
  'sku.created': { en: 'SKU added', ja: 'SKUを追加' },
  'sku.updated': { en: 'SKU changed', ja: 'SKUを変更' },
  'renewal.requested': { en: 'Renewal requested', ja: '更新を依頼' },
  'renewal.handled': { en: 'Renewal request handled', ja: '更新依頼に対応' },
  'order.confirmed': { en: 'Order confirmed', ja: '発注を確定' },
  'order.invoiced': { en: 'Order invoiced', ja: '発注を請求' },
  'order.payment_recorded': { en: 'Payment recorded', ja: '入金を記録' },
  'order.fulfilled': { en: 'Order paid and delivered', ja: '発注の入金完了・納品' },
  'order.cancelled': { en: 'Order cancelled', ja: '発注を取り消し' },
  'devices.registered': { en: 'Device registered', ja: '機器を登録' },
  'devices.reregistered': { en: 'Device registered again', ja: '機器を再登録' },
  'devices.firmware_reservation_cancelled': {
    en: 'Firmware update reservation cancelled',
    ja: 'ファームウェア更新予約を取り消し',
  },
  'devices.telemetry_read': { en: 'Device information read', ja: '機器情報を取得' },
  'maintenance.device_read': { en: 'Device information read (maintenance)', ja: '機器情報を取得（保守）' },
  'maintenance.firmware_reservation_cancelled': {
    en: 'Firmware update reservation cancelled (maintenance)',
    ja: 'ファームウェア更新予約を取り消し（保守）',
  },
  'customers.contract_holder_renamed': { en: 'Contract holder renamed', ja: '契約者名を変更' },
  'camera.sharing_set': { en: 'Camera sharing changed', ja: 'カメラの共有先を変更' },
  'shared_user.created': { en: 'Shared user added', ja: '共有ユーザーを追加' },
  'shared_user.updated': { en: 'Shared user changed', ja: '共有ユーザーを変更' },
  'shared_user.cameras_set': { en: 'Shared cameras changed', ja: '共有カメラを変更' },
  'shared_user.deleted': { en: 'Shared user deleted', ja: '共有ユーザーを削除' },
  'folder.created': { en: 'Folder created', ja: 'フォルダーを作成' },
  'folder.updated': { en: 'Folder changed', ja: 'フォルダーを変更' },
  'folder.deleted': { en: 'Folder deleted', ja: 'フォルダーを削除' },
  'folder.devices_added': { en: 'Devices put in a folder', ja: 'フォルダーに機器を追加' },
  'folder.device_removed': { en: 'Device taken out of a folder', ja: 'フォルダーから機器を外す' },
  'events.notification_settings_changed': { en: 'Notification settings changed', ja: '通知設定を変更' },
  'stream.granted': { en: 'Remote viewing opened', ja: 'リモート視聴を開始' },
  'terms.accepted': { en: 'Terms of use accepted', ja: '利用規約に同意' },
  'announcements.created': { en: 'Announcement posted', ja: 'お知らせを掲載' },
  'api_key.created': { en: 'API key created', ja: 'API キーを作成' },
  'api_key.revoked': { en: 'API key revoked', ja: 'API キーを無効化' },
  'api_key.request': { en: 'Call with an API key', ja: 'API キーによる呼び出し' },
  'webhook.created': { en: 'Webhook endpoint added', ja: 'Webhook の送信先を追加' },
  'webhook.updated': { en: 'Webhook endpoint changed', ja: 'Webhook の送信先を変更' },
  'webhook.deleted': { en: 'Webhook endpoint deleted', ja: 'Webhook の送信先を削除' },
  'webhook.secret_rotated': { en: 'Webhook secret renewed', ja: 'Webhook のシークレットを更新' },
  'webhook.redelivered': { en: 'Webhook sent again', ja: 'Webhook を再送' },
};

/** What an audit entry is about (`auth_session` …). */
const TARGETS: Table = {
  auth_session: { en: 'Session', ja: 'セッション' },
  camera: { en: 'Camera', ja: 'カメラ' },
  customer: { en: 'Customer', ja: '顧客' },
  dealer: { en: 'Dealer', ja: '販売店' },
  device: { en: 'Device', ja: '機器' },
  ec_order: { en: 'EC-site order', ja: 'ECサイトからの発注' },
  license: { en: 'License', ja: 'ライセンス' },
  license_assignment: { en: 'Assignment', ja: '割り当て' },
  maintenance_link: { en: 'Maintenance link', ja: '保守連携' },
  order: { en: 'Order', ja: '発注' },
  renewal_request: { en: 'Renewal request', ja: '更新依頼' },
  sku: { en: 'SKU', ja: 'SKU' },
  user: { en: 'User', ja: 'ユーザー' },
  folder: { en: 'Folder', ja: 'フォルダー' },
  announcement: { en: 'Announcement', ja: 'お知らせ' },
  api_key: { en: 'API key', ja: 'API キー' },
  webhook_endpoint: { en: 'Webhook endpoint', ja: 'Webhook の送信先' },
  webhook_delivery: { en: 'Webhook delivery', ja: 'Webhook の配信' },
};

/** Figures of a job run (`markedSilent` …). */
const JOB_COUNTS: Table = {
  expired: { en: 'Expired', ja: '期限切れ' },
  bound: { en: 'Bound', ja: '適用' },
  lapsed: { en: 'Lapsed', ja: '失効' },
  mails: { en: 'E-mails', ja: 'メール' },
  reminders: { en: 'Reminders', ja: 'リマインダー' },
  licenses: { en: 'Licenses', ja: 'ライセンス' },
  customers: { en: 'Customers', ja: '顧客' },
  markedSilent: { en: 'Marked silent', ja: '通信途絶と判定' },
  anomalyMails: { en: 'Anomaly e-mails', ja: '異常通知メール' },
  incidentsOpened: { en: 'Incidents opened', ja: '発生した異常' },
  incidentsClosed: { en: 'Incidents closed', ja: '復旧した異常' },
  delivered: { en: 'Delivered', ja: '配信' },
  failed: { en: 'Failed', ja: '失敗' },
  devices: { en: 'Devices', ja: '機器' },
  skipped: { en: 'Skipped', ja: 'スキップ' },
  noticeMails: { en: 'Notice e-mails', ja: '通知メール' },
  endpoints: { en: 'Endpoints', ja: '送信先' },
  succeeded: { en: 'Succeeded', ja: '成功' },
  retrying: { en: 'Retrying', ja: '再試行待ち' },
  disabled: { en: 'Endpoints disabled', ja: '停止した送信先' },
  batches: { en: 'Batches', ja: 'バッチ' },
  eventsDeleted: { en: 'Events deleted', ja: '削除したイベント' },
};

/** Device event types (`recording_stopped` …). */
/** "licenses.assigned" → "Licenses assigned", "markedSilent" → "Marked silent": for codes not listed. */
export function humanizeCode(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function label(table: Table, code: string, lang: Language): string {
  return table[code]?.[lang] ?? humanizeCode(code);
}

/** The codes each table knows (a test holds them against the codes the API writes). */
export const LABELLED_CODES = {
  auditActions: Object.keys(AUDIT_ACTIONS),
  auditTargets: Object.keys(TARGETS),
  jobCounts: Object.keys(JOB_COUNTS),
} as const;

export const auditActionLabel = (code: string, lang: Language) => label(AUDIT_ACTIONS, code, lang);
export const auditTargetLabel = (code: string, lang: Language) => label(TARGETS, code, lang);
export const jobCountLabel = (code: string, lang: Language) => label(JOB_COUNTS, code, lang);
/** Event types as words: one table, in `shared` (used by the API's e-mails too). */
export { eventTypeLabel } from '@lc/shared';
