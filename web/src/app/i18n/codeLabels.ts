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

export const auditActionLabel = (code: string, lang: Language) => label(AUDIT_ACTIONS, code, lang);
export const auditTargetLabel = (code: string, lang: Language) => label(TARGETS, code, lang);
export const jobCountLabel = (code: string, lang: Language) => label(JOB_COUNTS, code, lang);
/** Event types as words: one table, in `shared` (used by the API's e-mails too). */
export { eventTypeLabel } from '@lc/shared';
