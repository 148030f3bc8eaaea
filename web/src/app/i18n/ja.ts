import { billingMessages } from '../../features/billing/messages';
import { licensesMessages } from '../../features/licenses/messages';
import { maintenanceMessages } from '../../features/maintenance/messages';
import { authFlowMessages } from '../../features/auth/messages';
import { accountMessages } from '../../features/account/messages';
import { auditMessages } from '../../features/audit/messages';
import { customersMessages } from '../../features/customers/messages';
import { dealersMessages } from '../../features/dealers/messages';
import { membersMessages } from '../../features/members/messages';
import { portalMessagesMessages } from '../../features/messages/messages';
import { proxyMessages } from '../../features/proxy/messages';
import { devicesMessages } from '../../features/devices/messages';
import type { MessageKey } from './dictionaries';
import { notificationsMessages } from '../../features/notifications/messages';
import { sharingMessages } from '../../features/sharing/messages';
import { integrationsMessages } from '../../features/integrations/messages';
import { eventsFeatureMessages } from '../../features/events/messages';
import { renewalRequestsMessages } from '../../features/renewal-requests/messages';

/** Japanese messages: exactly the keys of `en.ts`. */
export const ja: Record<MessageKey, string> = {
  'app.productName': 'ライセンスコンソール',

  'common.retry': '再試行',
  'common.loading': '読み込み中…',
  'common.refresh': '更新',
  'common.nothingHereYet': 'まだ何もありません',
  'common.goHome': 'トップページへ',
  'common.rowsPerPage': '表示件数',
  'common.displayedRows': '{from}–{to} / {count}件',
  'common.displayedRowsMore': '{from}–{to} / {to}件以上',
  'common.page.first': '最初のページへ',
  'common.page.last': '最後のページへ',
  'common.page.next': '次のページへ',
  'common.page.previous': '前のページへ',
  'form.required': '入力してください。',
  'form.tooLong': '{max}文字以内で入力してください（現在{length}文字）。',
  'form.email': 'メールアドレスの形式で入力してください（例: name@example.com）。',
  'form.phone': '電話番号を数字・スペース・ハイフン・括弧で入力してください（例: 03-1234-5678）。',
  'form.wholeNumber': '半角数字（0–9）の整数で入力してください。',
  'form.range': '{min}から{max}までの数値を入力してください。',
  'filters.show': '絞り込み',
  'filters.showActive': '絞り込み（{count}）',

  'language.en': 'English',
  'language.ja': '日本語',
  'language.switchTo': '{language}に切り替え',

  'nav.label': 'メインメニュー',
  'nav.open': 'メニューを開く',
  'nav.dashboard': 'ダッシュボード',
  'nav.dealers': '販売店',
  'nav.skus': 'SKU',
  'nav.jobs': 'ジョブ実行履歴',
  'nav.mailbox': 'メールボックス',
  'nav.auditLog': '監査ログ',
  'nav.customers': '顧客',
  'nav.stock': '在庫',
  'nav.assignments': '割り当て',
  'nav.orders': '発注',
  'nav.invoices': '請求書',
  'nav.renewals': '更新',
  'nav.maintenance': '保守',
  'nav.members': 'メンバー',
  'nav.devices': '機器',
  'nav.licenses': 'ライセンス',
  'nav.sharedUsers': '共有ユーザー',
  'nav.events': 'イベント',
  'nav.messages': 'メッセージ',
  'nav.account': 'アカウント',

  'planned.dealers': '一次・二次販売店が、ログインID、メンバー、ライセンス在庫とともにここに表示されます。',
  'planned.skus':
    'ライセンスのSKUがここに表示されます（コード、名称、種別（エッジ／カメラダイレクト）、期間（月数）、価格）。',
  'planned.auditLog':
    'コンソールで行われた変更がここに表示されます（誰が・いつ・何をしたか。代理ログイン中の操作を含みます）。',
  'planned.customers': 'お客様が、メールアドレス、ライセンス、機器とともにここに表示されます。',
  'planned.stock':
    '保有しているライセンスがSKUごとにここに表示されます。在庫のライセンスは割り当てるまで期間が進みません。',
  'planned.assignments':
    'お客様へのライセンス割り当てがすべてここに表示されます（何を・いつ・誰が・誰に割り当てたか）。',
  'planned.orders': 'ライセンスの発注が、状態、請求書、入金とともにここに表示されます。',
  'planned.renewals': 'ライセンスの期限が近いお客様がここに表示され、早めに更新をご案内できます。',
  'planned.maintenance':
    '保守連絡先（最大5件）と、遠隔保守のために機器を連携したお客様がここに表示されます。',
  'planned.members':
    'サインインできる自社のメンバーが、役割（オーナー・マネージャー・スタッフ）とともにここに表示されます。',
  'planned.devices': 'レコーダーとカメラが、状態、ライセンス、最終接続とともにここに表示されます。',
  'planned.licenses': 'ライセンスが、期間、終了日、対象のカメラとともにここに表示されます。',
  'planned.events': 'カメラのイベントが新しい順にここに表示されます。',
  'planned.messages': 'ライセンス期限のお知らせなど、サービスや販売店からの通知がここに表示されます。',

  'role.operator': '運営者',
  'role.dealer': '販売店',
  'role.customer': 'お客様',
  'role.shared_user': '共有ユーザー',
  'memberRole.owner': 'オーナー',
  'memberRole.manager': 'マネージャー',
  'memberRole.staff': 'スタッフ',

  'userMenu.open': '{name} のアカウントメニュー',
  'userMenu.logout': 'ログアウト',

  'login.title': 'サインイン',
  'login.subtitle': 'メールアドレスまたは販売店ログインIDでサインインしてください。',
  'login.loginField': 'メールアドレスまたは販売店ログインID',
  'login.passwordField': 'パスワード',
  'login.submit': 'サインイン',
  'login.passwordPolicy':
    'パスワードは{min}〜{max}文字で、英大文字・英小文字・数字と次の記号のいずれかを含みます：{symbols}',
  'login.reason.idle':
    '{minutes}分間操作がなかったため、サインアウトしました。もう一度サインインしてください。',
  'login.reason.idleNoMinutes':
    '一定時間操作がなかったため、サインアウトしました。もう一度サインインしてください。',
  'login.reason.expired': 'セッションが終了しました。もう一度サインインしてください。',
  'login.reason.deactivated': '退会手続きが完了しました。ご利用ありがとうございました。',
  'login.error.invalidCredentials': 'ログインIDまたはパスワードが正しくありません。',
  'login.error.locked':
    'サインインの失敗が続いたため、アカウントがロックされています。{time} 後に再度お試しください。',
  'login.error.lockedNoTime':
    'サインインの失敗が続いたため、アカウントがロックされています。しばらくしてから再度お試しください。',
  'login.error.lockedOver': 'ロックが解除されました。もう一度サインインできます。',
  'login.error.initialPasswordExpired':
    '初期パスワードの有効期限（24時間）が切れています。「パスワードをお忘れの方」から新しい確認コードを受け取ってください。',

  'password.title': 'パスワード変更',
  'password.subtitle': 'アカウントの新しいパスワードを設定します。',
  'password.mustChange': '続ける前にパスワードを変更してください。',
  'password.changed': 'パスワードを変更しました。',
  'password.current': '現在のパスワード',
  'password.new': '新しいパスワード',
  'password.confirm': '新しいパスワード（確認）',
  'password.submit': 'パスワードを変更',
  'password.rulesTitle': 'パスワードのルール',
  'password.ruleMet': '満たしています',
  'password.ruleNotMet': 'まだ満たしていません',
  'password.show': 'パスワードを表示',
  'password.hide': 'パスワードを隠す',
  'password.mismatch': '新しいパスワードが一致しません。',
  'password.sameAsCurrent': '新しいパスワードは現在のパスワードと異なるものにしてください。',
  'password.currentWrong': '現在のパスワードが正しくありません。',
  'password.policyRefused': '新しいパスワードがルールを満たしていません。',

  'dashboard.welcome': 'ようこそ、{name} さん',
  'dashboard.intro.operator': '販売店、ライセンスのSKU、サービスの定期ジョブをここから管理します。',
  'dashboard.intro.dealer': 'お客様、ライセンス在庫、割り当てたライセンスをここから管理します。',
  'dashboard.intro.customer': '機器、ライセンス、共有ユーザーをここから管理します。',
  'dashboard.intro.shared_user': '共有されたカメラをここから閲覧します。',

  'account.subtitle': 'サインイン情報です。',
  'account.name': '氏名',
  'account.email': 'メールアドレス',
  'account.language': '言語',
  'account.timeZone': 'タイムゾーン',

  'jobs.title': 'ジョブ実行履歴',
  'jobs.subtitle': '定期ジョブの最近の実行結果（新しい順）です。',
  'jobs.filterLabel': 'ジョブ',
  'jobs.filterAll': 'すべてのジョブ',
  'jobs.empty': '定期ジョブ（期限切れ処理、リマインダー、機器死活監視）の実行結果がここに表示されます。',
  'jobs.runNow': '{name}を今すぐ実行',
  'jobs.runStarted': '{name}を実行しました。',
  'jobs.col.name': 'ジョブ',
  'jobs.col.trigger': '起動方法',
  'jobs.col.slot': 'スロット',
  'jobs.col.started': '開始',
  'jobs.col.finished': '終了',
  'jobs.col.outcome': '結果',
  'jobs.col.counts': '件数',
  'jobs.name.expiry-sweep': '期限切れ処理',
  'jobs.name.reminders': 'リマインダー',
  'jobs.name.device-liveness': '機器死活監視',
  'jobs.name.webhooks': 'Webhook 配信',
  'jobs.name.event-retention': 'イベント保存期間の削除',
  'jobs.trigger.schedule': 'スケジュール',
  'jobs.trigger.manual': '手動',
  'jobs.outcome.running': '実行中',
  'jobs.outcome.succeeded': '成功',
  'jobs.outcome.failed': '失敗',
  'jobs.outcome.abandoned': '中断（プロセス停止）',
  'jobs.abandonedHint':
    'このジョブを実行していたプロセスが完了前に停止しました（強制終了・クラッシュ）。残りは次回の実行で処理されます。',

  'mailbox.title': 'メールボックス',
  'mailbox.subtitle': 'この開発環境でサービスが送信したメール（新しい順）です。',
  'mailbox.filterLabel': '宛先',
  'mailbox.filterPlaceholder': 'name@example.com',
  'mailbox.empty':
    'サービスが送信するメール（招待、パスワード再設定、リマインダーなど）がここに表示されます。',
  'mailbox.emptyFiltered': '{to} 宛てのメールがここに表示されます。',
  'mailbox.to': '宛先',
  'mailbox.template': 'テンプレート',
  'mailbox.language': '言語',
  'mailbox.created': '登録日時',
  'mailbox.sent': '送信日時',
  'mailbox.attempts': '試行回数',
  'mailbox.viewHtml': 'HTML',
  'mailbox.viewText': 'テキスト',
  'mailbox.viewData': 'テンプレートデータ',
  'mailbox.htmlFrameTitle': 'メール（HTML表示）',
  'mailbox.status.pending': '送信待ち',
  'mailbox.status.sent': '送信済み',
  'mailbox.status.failed': '失敗',

  'devClock.real': 'サービス時刻',
  'devClock.overridden': 'サービス時刻（開発者が変更中）',
  'dev.unavailable': 'この環境では利用できません',
  'dev.unavailableHint': '開発者向けツールは開発環境とテスト環境でのみ利用できます。',

  'error.loadFailed': 'このページを読み込めませんでした',
  'error.generic': '問題が発生しました。もう一度お試しください。',
  'error.network': 'サーバーに接続できません。接続を確認して、もう一度お試しください。',
  'error.internal': 'サーバーで問題が発生しました。しばらくしてから再度お試しください。',
  'error.dealerSuspended': 'この販売店アカウントは利用停止中です。運営会社にお問い合わせください。',
  'error.forbidden': 'この操作は許可されていません。',
  'error.notFound': '対象が見つかりません（削除された可能性があります）。',
  'error.rateLimited': 'リクエストが多すぎます。少し待ってから再度お試しください。',
  'error.passwordChangeRequired': '先にパスワードを変更してください。',
  'error.notAllowedInProxySession': 'お客様の代理でサインインしている間は、この操作はできません。',
  'error.errorId': 'エラーID：{id}',
  'error.notForYourRole': 'このページは利用できません',
  'error.notForYourRoleHint': 'メニューから、ご利用のアカウント向けのページを開いてください。',
  'error.pageNotFound': 'ページが見つかりません',
  'error.pageNotFoundHint': 'アドレスが間違っているか、ページが移動した可能性があります。',
  ...authFlowMessages.ja,
  ...dealersMessages.ja,
  ...customersMessages.ja,
  ...proxyMessages.ja,
  ...auditMessages.ja,
  ...membersMessages.ja,
  ...portalMessagesMessages.ja,
  ...accountMessages.ja,
  ...billingMessages.ja,
  ...licensesMessages.ja,
  ...maintenanceMessages.ja,
  ...devicesMessages.ja,
  ...notificationsMessages.ja,
  ...sharingMessages.ja,
  ...integrationsMessages.ja,
  ...eventsFeatureMessages.ja,
  ...renewalRequestsMessages.ja,
};
