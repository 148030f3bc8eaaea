/** Device tree, camera and device pages, connection history, logs, events (issue #5). */
export const devicesMessages = {
  en: {
    'nav.connectionHistory': 'Connection history',
    'devices.title': 'Devices',
    'devices.subtitle':
      'Your recorders and cameras with the license of each camera. A camera without a valid license keeps its HDMI monitor but stops recording.',
    'devices.readOnly':
      "You are viewing the customer's devices read-only. Open a proxy session to change settings or send commands.",
    'devices.customerTab': 'Devices',
    'devices.exportCsv': 'Export CSV',
    'devices.exportFailed': 'The export failed: {message}',
    'devices.filter.from': 'From',
    'devices.filter.to': 'Until',
    'devices.common.cancel': 'Cancel',
    'devices.common.yes': 'Yes',
    'devices.common.no': 'No',

    'devices.type.recorder': 'Recorder',
    'devices.type.camera': 'Camera-direct camera',
    'devices.status.normal': 'Normal',
    'devices.status.communicationError': 'Communication error',
    'devices.status.other': 'Reported: {status}',

    'devices.col.camera': 'Camera',
    'devices.col.channel': 'Ch.',
    'devices.col.model': 'Model',
    'devices.col.kind': 'Kind',
    'devices.col.license': 'License',
    'devices.col.endsAt': 'Ends',
    'devices.col.daysLeft': 'Days left',
    'devices.col.at': 'Time',
    'devices.col.device': 'Device',
    'devices.col.serial': 'Serial number',
    'devices.col.status': 'Status',

    'devices.daysLeft.many': '{days} days',
    'devices.daysLeft.one': '1 day',
    'devices.daysLeft.ended': 'Ended',
    'devices.license.licensed': 'Licensed',
    'devices.license.endingSoon': 'Ending soon',

    'devices.lapse.badge': 'LAPSED',
    'devices.lapse.badgeNever': 'UNLICENSED',
    'devices.lapse.neverLicensed': 'No license has been bound to this camera yet.',
    'devices.lapse.since': 'Without a license since {date}.',
    'devices.lapse.stoppedTitle': 'Stopped',
    'devices.lapse.seeCapabilities':
      'What stopped and what still works is listed under “What the camera may do” below.',
    'devices.lapse.keptTitle': 'Still works',
    'devices.lapse.summary':
      'No valid license: edge recording and remote viewing (live, playback, notifications, maintenance) have stopped. Live view on the HDMI monitor, playback there, events and SD-card export still work.',
    'devices.lapse.summaryMarked':
      'Marked "do not license": edge recording and remote viewing have stopped. Live view on the HDMI monitor, playback there, events and SD-card export still work.',
    'devices.lapse.restore':
      'A license in your pool binds to it automatically; ask your dealer for a new license to restore everything at once.',
    'devices.lapse.restoreDealer':
      "A license in the customer's pool binds to it automatically; assign licenses to this customer to restore everything at once.",
    'devices.lapse.restoreMarked':
      'It is marked "do not license", so licenses in your pool skip it. Turn the mark off to license it again.',

    'devices.doNotLicense.label': 'Do not license',
    'devices.doNotLicense.chip': 'Do not license',
    'devices.doNotLicense.explain':
      'Licenses in the pool skip this camera: it is not licensed automatically when its license ends or when new licenses arrive.',
    'devices.doNotLicense.onTitle': 'Mark the camera "do not license"?',
    'devices.doNotLicense.onBody':
      'Licenses from your pool will not be bound to this camera. It stays without recording and remote viewing until you turn the mark off.',
    'devices.doNotLicense.onBodyLicensed':
      'Its current license stays bound until it ends (transfer it to free it now). After that, no license from your pool will be bound to this camera.',
    'devices.doNotLicense.onConfirm': 'Mark it',
    'devices.doNotLicense.offTitle': 'License this camera again?',
    'devices.doNotLicense.offBody':
      'The camera takes a license from your pool at once if one of its kind is free (the one ending first).',
    'devices.doNotLicense.offConfirm': 'Turn the mark off',

    'devices.pool.title': 'Licenses waiting in the pool',
    'devices.pool.explain':
      'Valid licenses not bound to a camera. They bind automatically to the next camera of their kind that has no license, the earliest-ending first.',
    'devices.pool.empty': 'No licenses are waiting: every valid license is in use.',
    'devices.pool.count': '{count} unbound',
    'devices.pool.earliest': 'earliest ends {date}',

    'devices.tree.recorders': 'Recorders',
    'devices.tree.direct': 'Camera-direct cameras',
    'devices.tree.camerasLabel': 'Cameras',
    'devices.tree.details': 'Details',
    'devices.tree.noCameras': 'This recorder has reported no cameras yet.',
    'devices.tree.neverSeen': 'not seen yet',
    'devices.tree.serialLine': '{type} · serial {serial} · last seen {seen}',
    'devices.tree.emptyTitle': 'No devices registered yet',
    'devices.tree.empty':
      'A recorder or a camera-direct camera registers itself with your contract e-mail address and password (in its setup screen); its cameras then appear here with their licenses.',
    'devices.tree.emptyDealer':
      'The customer has not registered a device yet. A device registers with the contract e-mail address and password.',
    'devices.tree.emptySimulator': 'For a demonstration, the device simulator registers a virtual recorder.',
    'devices.tree.lapsedOne':
      '1 camera has no valid license: it no longer records, and remote viewing has stopped.',
    'devices.tree.lapsedMany':
      '{count} cameras have no valid license: they no longer record, and remote viewing has stopped.',

    'devices.camera.back': 'Back to the device',
    'devices.camera.unnamed': 'Camera {channel}',
    'devices.camera.subtitle': 'Channel {channel} · {model} · {kind}',
    'devices.camera.license': 'License',
    'devices.camera.registeredAt': 'Registered',
    'devices.camera.capabilities': 'What the camera may do',
    'devices.camera.settings': 'Settings',
    'devices.capability.on': 'Available',
    'devices.capability.off': 'Not available',
    'devices.capability.always': 'Available with or without a license',
    'devices.capability.licensed': 'Available with a valid license',
    'devices.capability.needsLicense': 'Stopped: needs a valid license',

    'devices.rename.label': 'Camera name',
    'devices.rename.count': '{count}/{max} characters',
    'devices.rename.tooLong': 'At most {max} characters ({count} now)',
    'devices.rename.required': 'Enter a name',
    'devices.rename.save': 'Rename',
    'devices.rename.saved': 'The camera has been renamed.',

    'devices.transfer.open': 'Transfer license',
    'devices.transfer.title': 'Transfer the license to another camera',
    'devices.transfer.intro':
      'The license moves to another camera of the same kind ({kind}) that has no valid license.',
    'devices.transfer.target': 'Target camera',
    'devices.transfer.targetHelp': 'Cameras that already have a license cannot be chosen.',
    'devices.transfer.hasLicense': 'has a license',
    'devices.transfer.noTarget': 'None of your other cameras of this kind can take the license.',
    'devices.transfer.markSource': 'Mark "{name}" "do not license" (it will not take a pool license)',
    'devices.transfer.reason': 'Reason (optional)',
    'devices.transfer.keepsEnd':
      'The license moves to {target} and keeps its end date: {date} ({days} left). This camera then stops recording.',
    'devices.transfer.sourceMayRebind':
      'If a license of its kind is waiting in your pool, this camera takes it at once.',
    'devices.transfer.submit': 'Transfer',
    'devices.transfer.done': 'The license now belongs to {target}.',

    'devices.detail.back': 'All devices',
    'devices.detail.lastSeen': 'Last seen',
    'devices.detail.mac': 'MAC address',
    'devices.detail.firmware': 'Firmware',
    'devices.detail.registeredAt': 'Registered',
    'devices.detail.tabCameras': 'Cameras ({count})',
    'devices.detail.tabCommands': 'Operations',
    'devices.detail.tabHistory': 'Connection history',
    'devices.detail.tabLogs': 'Logs',
    'devices.detail.idLine': 'Device ID {id}',

    'devices.command.operations': 'Operations',
    'devices.command.nextHeartbeat':
      'The device receives a command with its next heartbeat (within a minute while it is online).',
    'devices.command.kind.restart': 'Restart',
    'devices.command.kind.alarm_reset': 'Reset alarm',
    'devices.command.kind.error_recovery': 'Error recovery',
    'devices.command.kind.thumbnail_cache': 'Thumbnail cache',
    'devices.command.kind.firmware_update': 'Firmware update',
    'devices.command.thumbnailOn': 'Thumbnail cache on',
    'devices.command.thumbnailOff': 'Thumbnail cache off',
    'devices.command.firmwareTo': 'Firmware update to {version}',
    'devices.command.firmwareTitle': 'Reserve a firmware update',
    'devices.command.firmwareAt': 'Update at',
    'devices.command.firmwareAtHelp': "A future time, in your computer's time zone",
    'devices.command.firmwareVersion': 'Version (optional)',
    'devices.command.firmwareReserve': 'Reserve',
    'devices.command.reservation.required': 'Choose a time',
    'devices.command.reservation.invalid': 'Not a valid time',
    'devices.command.reservation.past': 'Choose a time in the future',
    'devices.command.send': 'Send',
    'devices.command.confirm.restart':
      'The device restarts when it receives the command: recording pauses for about a minute.',
    'devices.command.confirm.alarm_reset': 'Resets the alarm output of the device.',
    'devices.command.confirm.error_recovery': 'Asks the device to recover from its current error.',
    'devices.command.confirm.thumbnail_cache': 'Changes the thumbnail cache setting of the device.',
    'devices.command.confirm.firmware_update':
      'The device updates its firmware at {at} (or at its first heartbeat after that) and restarts.',
    'devices.command.queued': '"{kind}" was queued for the device.',
    'devices.command.listTitle': 'Commands',
    'devices.command.empty': 'Commands you send to the device and their results appear here.',
    'devices.command.col.command': 'Command',
    'devices.command.col.status': 'Status',
    'devices.command.col.createdAt': 'Sent',
    'devices.command.col.notBefore': 'Reserved for',
    'devices.command.col.deliveredAt': 'Delivered',
    'devices.command.col.completedAt': 'Completed',
    'devices.command.col.result': 'Result',
    'devices.command.status.pending': 'Waiting',
    'devices.command.status.delivered': 'Delivered',
    'devices.command.status.done': 'Done',
    'devices.command.status.failed': 'Failed',
    'devices.command.status.cancelled': 'Cancelled',

    'devices.history.title': 'Connection history',
    'devices.history.subtitle':
      'When your devices registered, came online and lost contact with the service; 50 per page.',
    'devices.history.search': 'Device name or serial',
    'devices.history.kind': 'Event',
    'devices.history.allKinds': 'All events',
    'devices.history.kind.registered': 'Registered',
    'devices.history.kind.online': 'Online',
    'devices.history.kind.communication_error': 'Communication error',
    'devices.history.empty': 'Nothing matches. Connections and disconnections appear here.',

    'devices.logs.kind.error': 'Error',
    'devices.logs.kind.access': 'Access',
    'devices.logs.kind.operation': 'Operation',
    'devices.logs.kind.network': 'Network',
    'devices.logs.retention': 'The latest {count} entries are kept.',
    'devices.logs.code': 'Code',
    'devices.logs.message': 'Message',
    'devices.logs.empty': 'The device has sent no log entries of this kind.',

    'devices.events.title': 'Events',
    'devices.events.subtitle':
      'Events your devices reported (motion, alarms, …): search by device, type and period. 100 per page, at most {max} results.',
    'devices.events.allDevices': 'All devices',
    'devices.events.type': 'Type',
    'devices.events.typeHelp': 'e.g. motion',
    'devices.events.typeInvalid': 'Lowercase letters and _ only',
    'devices.events.message': 'Message',
    'devices.events.empty': 'No events match. Events appear here as your devices report them.',
    'devices.events.capped': 'Only the first {max} results are shown: narrow the search to see older events.',

    'devices.exchange.open': 'Exchange device',
    'devices.exchange.title': 'Exchange the device for a replacement',
    'devices.exchange.introRecorder':
      'Enter the replacement recorder. Its cameras take the same channels; each camera keeps its name, its "do not license" mark and its license with the same end date.',
    'devices.exchange.introCamera':
      'Enter the replacement camera. It keeps the name, the "do not license" mark and the license with the same end date.',
    'devices.exchange.licensesMove':
      '{count} {count|license moves|licenses move} to the replacement. Nothing is forfeited; the old device stops working with the service.',
    'devices.exchange.field.serial': 'New serial number',
    'devices.exchange.field.model': 'Model',
    'devices.exchange.field.mac': 'MAC address',
    'devices.exchange.field.firmware': 'Firmware',
    'devices.exchange.error.required': 'Required',
    'devices.exchange.error.invalid': 'Not valid',
    'devices.exchange.error.sameSerial': 'The replacement needs a different serial number',
    'devices.exchange.submit': 'Exchange',
    'devices.exchange.done': 'The device was exchanged; {count} {count|license|licenses} moved to it.',
    'devices.exchange.credential': 'Device credential for the replacement (shown once):',

    'devices.delete.open': 'Delete device',
    'devices.delete.title': 'Delete the device',
    'devices.delete.intro':
      'The device {serial} and its {cameras} {cameras|camera|cameras} are removed from the service. This cannot be undone.',
    'devices.delete.forfeits':
      '{licenses} {licenses|license|licenses} bound to its cameras will be voided: {days} {days|day|days} of license time are forfeited without refund.',
    'devices.delete.forfeitsNothing': 'No valid license is bound to its cameras: nothing is forfeited.',
    'devices.delete.password': 'Your password',
    'devices.delete.typeSerial': 'Type the serial number {serial} to confirm',
    'devices.delete.serialMismatch': 'Does not match the serial number',
    'devices.delete.submit': 'Delete for good',
    'devices.delete.notInProxy':
      "Deleting a device needs the contract holder's password: not possible in a proxy session.",
    'devices.delete.done':
      'The device {serial} was deleted; {licenses} {licenses|license|licenses} and {days} {days|day|days} were forfeited.',

    'devices.error.reservationInPast': 'The reserved time must be in the future.',
    'devices.error.serialTaken': 'This serial number is registered to another device.',
    'devices.error.cameraAlreadyLicensed': 'The target camera already has a valid license.',
    'devices.error.kindMismatch': 'The license is for another kind of camera.',
    'devices.error.licenseNotBound': 'Only a license in use on a camera can be transferred.',
    'devices.error.exchangeInvalid':
      'The replacement must be a device of the same type with a different serial number.',
    'devices.error.wrongPassword': 'The password is wrong.',
    'devices.error.licenseRequired':
      'This needs a valid license: remote operations stop while the device has no licensed camera.',
    'devices.error.operationNotSupported': 'This device type does not support that operation.',
    'devices.error.firmwareStarted':
      'The device has already started the firmware update; the reservation can no longer change.',
    'devices.error.noReservation': 'No firmware update is reserved.',
    'devices.error.dealerNeedsLink':
      'Device logs, events and connection history are open to the dealer only through a maintenance link the customer made, or in a proxy session.',
    'devices.ops.blockedRecorder':
      'Remote operations are unavailable: none of this recorder’s cameras has a valid license.',
    'devices.ops.blockedCamera': 'Remote operations are unavailable: this camera has no valid license.',
    'devices.ops.since': 'Since {date}.',
    'devices.ops.neverLicensed': 'It has never had a license.',
    'devices.ops.restore': 'A new license restores them at once.',
    'devices.ops.cameraOnlyRestart':
      'A camera-direct camera can only be restarted remotely; firmware updates, alarm reset and error recovery are for recorders.',
    'devices.command.reserved': 'Reserved for {at}. A new reservation replaces it.',
    'devices.command.cancelReservation': 'Cancel reservation',
    'devices.command.cancelConfirm': 'Cancels the firmware update reserved for {at}.',
    'devices.command.cancelled': 'The firmware-update reservation was cancelled.',
    'devices.events.lapsedHidden':
      '{count} {count|camera has|cameras have} no valid license: {count|its|their} events are not stored and not shown here until a license is bound again.',
    'devices.dealerTelemetry':
      'Connection history and logs are open to you through a maintenance link the customer made (Remote monitoring), or in a proxy session.',
  },
  ja: {
    'nav.connectionHistory': '接続履歴',
    'devices.title': '機器',
    'devices.subtitle':
      'レコーダーとカメラ、カメラごとのライセンスです。有効なライセンスのないカメラはHDMIモニターは使えますが録画が止まります。',
    'devices.readOnly':
      'お客様の機器を閲覧のみで表示しています。設定の変更やコマンドの送信は代理ログインで行ってください。',
    'devices.customerTab': '機器',
    'devices.exportCsv': 'CSV出力',
    'devices.exportFailed': 'CSV出力に失敗しました: {message}',
    'devices.filter.from': '開始',
    'devices.filter.to': '終了',
    'devices.common.cancel': 'キャンセル',
    'devices.common.yes': 'はい',
    'devices.common.no': 'いいえ',

    'devices.type.recorder': 'レコーダー',
    'devices.type.camera': 'カメラダイレクト',
    'devices.status.normal': '正常',
    'devices.status.communicationError': '通信エラー',
    'devices.status.other': '状態: {status}',

    'devices.col.camera': 'カメラ',
    'devices.col.channel': 'CH',
    'devices.col.model': '型番',
    'devices.col.kind': '種別',
    'devices.col.license': 'ライセンス',
    'devices.col.endsAt': '終了日',
    'devices.col.daysLeft': '残り日数',
    'devices.col.at': '日時',
    'devices.col.device': '機器',
    'devices.col.serial': 'シリアル番号',
    'devices.col.status': '状態',

    'devices.daysLeft.many': '{days}日',
    'devices.daysLeft.one': '1日',
    'devices.daysLeft.ended': '終了',
    'devices.license.licensed': 'ライセンスあり',
    'devices.license.endingSoon': 'まもなく終了',

    'devices.lapse.badge': '失効',
    'devices.lapse.badgeNever': '未ライセンス',
    'devices.lapse.neverLicensed': 'このカメラにはまだライセンスが割り当てられていません。',
    'devices.lapse.since': '{date}からライセンスがありません。',
    'devices.lapse.stoppedTitle': '停止した機能',
    'devices.lapse.seeCapabilities':
      '停止した機能と引き続き使える機能は、下の「このカメラで使える機能」に表示しています。',
    'devices.lapse.keptTitle': '引き続き使える機能',
    'devices.lapse.summary':
      '有効なライセンスがありません: エッジ録画とリモート機能（ライブ・再生・通知・メンテナンス）が停止しています。HDMIモニターでのライブ・再生・イベント表示とSDカードのコピーは引き続き使えます。',
    'devices.lapse.summaryMarked':
      '「ライセンスを割り当てない」に設定されています: エッジ録画とリモート機能が停止しています。HDMIモニターでのライブ・再生・イベント表示とSDカードのコピーは引き続き使えます。',
    'devices.lapse.restore':
      'プールのライセンスは自動で割り当てられます。販売店に新しいライセンスを依頼すると、すべての機能がすぐに戻ります。',
    'devices.lapse.restoreDealer':
      '顧客のプールのライセンスは自動で割り当てられます。この顧客にライセンスを割り当てると、すべての機能がすぐに戻ります。',
    'devices.lapse.restoreMarked':
      '「ライセンスを割り当てない」に設定されているため、プールのライセンスは割り当てられません。設定を解除すると再びライセンスが割り当てられます。',

    'devices.doNotLicense.label': 'ライセンスを割り当てない',
    'devices.doNotLicense.chip': '割り当てない',
    'devices.doNotLicense.explain':
      'プールのライセンスはこのカメラに割り当てられません。ライセンス終了時や新しいライセンスの追加時にも自動で割り当てられません。',
    'devices.doNotLicense.onTitle': '「ライセンスを割り当てない」に設定しますか？',
    'devices.doNotLicense.onBody':
      'プールのライセンスはこのカメラに割り当てられなくなります。設定を解除するまで録画とリモート機能は停止したままです。',
    'devices.doNotLicense.onBodyLicensed':
      '現在のライセンスは終了まで割り当てられたままです（すぐに外すには移行してください）。その後、プールのライセンスはこのカメラに割り当てられません。',
    'devices.doNotLicense.onConfirm': '設定する',
    'devices.doNotLicense.offTitle': 'このカメラに再びライセンスを割り当てますか？',
    'devices.doNotLicense.offBody':
      '同じ種別のライセンスがプールにあれば、終了日の早いものがすぐに割り当てられます。',
    'devices.doNotLicense.offConfirm': '設定を解除する',

    'devices.pool.title': 'プールで待機中のライセンス',
    'devices.pool.explain':
      'カメラに割り当てられていない有効なライセンスです。ライセンスのない同じ種別のカメラに、終了日の早いものから自動で割り当てられます。',
    'devices.pool.empty': '待機中のライセンスはありません。有効なライセンスはすべて使用中です。',
    'devices.pool.count': '未割り当て {count}件',
    'devices.pool.earliest': '最も早い終了日 {date}',

    'devices.tree.recorders': 'レコーダー',
    'devices.tree.direct': 'カメラダイレクト',
    'devices.tree.camerasLabel': 'カメラ',
    'devices.tree.details': '詳細',
    'devices.tree.noCameras': 'このレコーダーからはまだカメラが報告されていません。',
    'devices.tree.neverSeen': '未接続',
    'devices.tree.serialLine': '{type}・シリアル {serial}・最終接続 {seen}',
    'devices.tree.emptyTitle': '登録された機器はまだありません',
    'devices.tree.empty':
      'レコーダーやカメラダイレクトは、設定画面で契約者のメールアドレスとパスワードを入力すると登録されます。登録後、カメラとライセンスがここに表示されます。',
    'devices.tree.emptyDealer':
      'お客様はまだ機器を登録していません。機器は契約者のメールアドレスとパスワードで登録されます。',
    'devices.tree.emptySimulator': 'デモには機器シミュレーターで仮想レコーダーを登録できます。',
    'devices.tree.lapsedOne':
      '有効なライセンスのないカメラが1台あります。録画とリモート機能が停止しています。',
    'devices.tree.lapsedMany':
      '有効なライセンスのないカメラが{count}台あります。録画とリモート機能が停止しています。',

    'devices.camera.back': '機器に戻る',
    'devices.camera.unnamed': 'カメラ{channel}',
    'devices.camera.subtitle': 'チャンネル{channel}・{model}・{kind}',
    'devices.camera.license': 'ライセンス',
    'devices.camera.registeredAt': '登録日',
    'devices.camera.capabilities': 'このカメラで使える機能',
    'devices.camera.settings': '設定',
    'devices.capability.on': '利用可',
    'devices.capability.off': '利用不可',
    'devices.capability.always': 'ライセンスの有無にかかわらず利用できます',
    'devices.capability.licensed': '有効なライセンスで利用できます',
    'devices.capability.needsLicense': '停止中: 有効なライセンスが必要です',

    'devices.rename.label': 'カメラ名',
    'devices.rename.count': '{count}/{max}文字',
    'devices.rename.tooLong': '{max}文字以内で入力してください（現在{count}文字）',
    'devices.rename.required': '名前を入力してください',
    'devices.rename.save': '名前を変更',
    'devices.rename.saved': 'カメラ名を変更しました。',

    'devices.transfer.open': 'ライセンスを移行',
    'devices.transfer.title': 'ライセンスを別のカメラに移行',
    'devices.transfer.intro': '有効なライセンスのない同じ種別（{kind}）のカメラにライセンスを移します。',
    'devices.transfer.target': '移行先のカメラ',
    'devices.transfer.targetHelp': 'すでにライセンスのあるカメラは選べません。',
    'devices.transfer.hasLicense': 'ライセンスあり',
    'devices.transfer.noTarget': 'この種別のライセンスを受け取れる他のカメラがありません。',
    'devices.transfer.markSource':
      '「{name}」を「ライセンスを割り当てない」に設定する（プールのライセンスを受け取りません）',
    'devices.transfer.reason': '理由（任意）',
    'devices.transfer.keepsEnd':
      'ライセンスは{target}に移り、終了日はそのまま {date}（残り{days}）です。このカメラは録画を停止します。',
    'devices.transfer.sourceMayRebind':
      'プールに同じ種別のライセンスがあれば、このカメラにすぐ割り当てられます。',
    'devices.transfer.submit': '移行する',
    'devices.transfer.done': 'ライセンスを{target}に移行しました。',

    'devices.detail.back': '機器一覧',
    'devices.detail.lastSeen': '最終接続',
    'devices.detail.mac': 'MACアドレス',
    'devices.detail.firmware': 'ファームウェア',
    'devices.detail.registeredAt': '登録日時',
    'devices.detail.tabCameras': 'カメラ（{count}）',
    'devices.detail.tabCommands': '操作',
    'devices.detail.tabHistory': '接続履歴',
    'devices.detail.tabLogs': 'ログ',
    'devices.detail.idLine': '機器ID {id}',

    'devices.command.operations': '操作',
    'devices.command.nextHeartbeat': 'コマンドは機器の次回の通信で届きます（オンライン中は1分以内）。',
    'devices.command.kind.restart': '再起動',
    'devices.command.kind.alarm_reset': 'アラーム解除',
    'devices.command.kind.error_recovery': 'エラー復旧',
    'devices.command.kind.thumbnail_cache': 'サムネイルキャッシュ',
    'devices.command.kind.firmware_update': 'ファームウェア更新',
    'devices.command.thumbnailOn': 'サムネイルキャッシュ オン',
    'devices.command.thumbnailOff': 'サムネイルキャッシュ オフ',
    'devices.command.firmwareTo': 'ファームウェア更新（{version}）',
    'devices.command.firmwareTitle': 'ファームウェア更新の予約',
    'devices.command.firmwareAt': '更新日時',
    'devices.command.firmwareAtHelp': '未来の日時（お使いのパソコンのタイムゾーン）',
    'devices.command.firmwareVersion': 'バージョン（任意）',
    'devices.command.firmwareReserve': '予約する',
    'devices.command.reservation.required': '日時を選んでください',
    'devices.command.reservation.invalid': '正しい日時ではありません',
    'devices.command.reservation.past': '未来の日時を選んでください',
    'devices.command.send': '送信',
    'devices.command.confirm.restart': '機器はコマンドを受け取ると再起動します。約1分間録画が止まります。',
    'devices.command.confirm.alarm_reset': '機器のアラーム出力を解除します。',
    'devices.command.confirm.error_recovery': '機器に現在のエラーからの復旧を指示します。',
    'devices.command.confirm.thumbnail_cache': '機器のサムネイルキャッシュ設定を変更します。',
    'devices.command.confirm.firmware_update':
      '機器は{at}（またはその後の最初の通信時）にファームウェアを更新し、再起動します。',
    'devices.command.queued': '「{kind}」を機器に送信予約しました。',
    'devices.command.listTitle': 'コマンド',
    'devices.command.empty': '機器に送ったコマンドとその結果がここに表示されます。',
    'devices.command.col.command': 'コマンド',
    'devices.command.col.status': '状態',
    'devices.command.col.createdAt': '送信日時',
    'devices.command.col.notBefore': '予約日時',
    'devices.command.col.deliveredAt': '配信日時',
    'devices.command.col.completedAt': '完了日時',
    'devices.command.col.result': '結果',
    'devices.command.status.pending': '待機中',
    'devices.command.status.delivered': '配信済み',
    'devices.command.status.done': '完了',
    'devices.command.status.failed': '失敗',
    'devices.command.status.cancelled': '取消',

    'devices.history.title': '接続履歴',
    'devices.history.subtitle': '機器の登録、オンライン復帰、通信エラーの履歴です（1ページ50件）。',
    'devices.history.search': '機器名またはシリアル番号',
    'devices.history.kind': 'イベント',
    'devices.history.allKinds': 'すべて',
    'devices.history.kind.registered': '登録',
    'devices.history.kind.online': 'オンライン',
    'devices.history.kind.communication_error': '通信エラー',
    'devices.history.empty': '該当する履歴はありません。接続・切断がここに表示されます。',

    'devices.logs.kind.error': 'エラー',
    'devices.logs.kind.access': 'アクセス',
    'devices.logs.kind.operation': '操作',
    'devices.logs.kind.network': 'ネットワーク',
    'devices.logs.retention': '最新{count}件を保持します。',
    'devices.logs.code': 'コード',
    'devices.logs.message': '内容',
    'devices.logs.empty': 'この種類のログはまだ届いていません。',

    'devices.events.title': 'イベント',
    'devices.events.subtitle':
      '機器が報告したイベント（動体検知、アラームなど）を機器・種類・期間で検索できます。1ページ100件、最大{max}件です。',
    'devices.events.allDevices': 'すべての機器',
    'devices.events.type': '種類',
    'devices.events.typeHelp': '例: motion',
    'devices.events.typeInvalid': '英小文字と _ のみ',
    'devices.events.message': '内容',
    'devices.events.empty': '該当するイベントはありません。機器が報告したイベントがここに表示されます。',
    'devices.events.capped': '最初の{max}件のみ表示しています。条件を絞り込んでください。',

    'devices.exchange.open': '機器を交換',
    'devices.exchange.title': '機器を交換品に置き換える',
    'devices.exchange.introRecorder':
      '交換するレコーダーを入力してください。カメラは同じチャンネルを引き継ぎ、名前・「ライセンスを割り当てない」設定・ライセンス（終了日はそのまま）も引き継ぎます。',
    'devices.exchange.introCamera':
      '交換するカメラを入力してください。名前・「ライセンスを割り当てない」設定・ライセンス（終了日はそのまま）を引き継ぎます。',
    'devices.exchange.licensesMove':
      '{count}件のライセンスが交換品に移ります。失われるものはありません。旧機器はサービスを利用できなくなります。',
    'devices.exchange.field.serial': '新しいシリアル番号',
    'devices.exchange.field.model': '型番',
    'devices.exchange.field.mac': 'MACアドレス',
    'devices.exchange.field.firmware': 'ファームウェア',
    'devices.exchange.error.required': '必須です',
    'devices.exchange.error.invalid': '正しくありません',
    'devices.exchange.error.sameSerial': '交換品には別のシリアル番号が必要です',
    'devices.exchange.submit': '交換する',
    'devices.exchange.done': '機器を交換しました。{count}件のライセンスを引き継ぎました。',
    'devices.exchange.credential': '交換品の機器認証情報（一度だけ表示）:',

    'devices.delete.open': '機器を削除',
    'devices.delete.title': '機器の削除',
    'devices.delete.intro': '機器 {serial} とカメラ{cameras}台をサービスから削除します。元に戻せません。',
    'devices.delete.forfeits':
      'カメラに割り当てられた{licenses}件のライセンスが無効になり、残り{days}日分は返金なしで失われます。',
    'devices.delete.forfeitsNothing': 'カメラに有効なライセンスはありません。失われるものはありません。',
    'devices.delete.password': 'パスワード',
    'devices.delete.typeSerial': '確認のためシリアル番号 {serial} を入力してください',
    'devices.delete.serialMismatch': 'シリアル番号が一致しません',
    'devices.delete.submit': '削除する',
    'devices.delete.notInProxy':
      '機器の削除には契約者のパスワードが必要なため、代理ログイン中は削除できません。',
    'devices.delete.done': '機器 {serial} を削除しました。ライセンス{licenses}件・{days}日分が失われました。',

    'devices.error.reservationInPast': '予約日時は未来の日時にしてください。',
    'devices.error.serialTaken': 'このシリアル番号は別の機器に登録されています。',
    'devices.error.cameraAlreadyLicensed': '移行先のカメラにはすでに有効なライセンスがあります。',
    'devices.error.kindMismatch': 'このライセンスは別の種別のカメラ用です。',
    'devices.error.licenseNotBound': '移行できるのはカメラで使用中のライセンスだけです。',
    'devices.error.exchangeInvalid': '交換品は同じ種類で、シリアル番号の異なる機器にしてください。',
    'devices.error.wrongPassword': 'パスワードが正しくありません。',
    'devices.error.licenseRequired':
      '有効なライセンスが必要です。ライセンスのあるカメラがない機器では、リモート操作は停止します。',
    'devices.error.operationNotSupported': 'この機器の種類では、その操作はできません。',
    'devices.error.firmwareStarted': '機器がすでにファームウェア更新を開始したため、予約は変更できません。',
    'devices.error.noReservation': 'ファームウェア更新の予約はありません。',
    'devices.error.dealerNeedsLink':
      '機器のログ・イベント・接続履歴は、お客様が設定した保守連携か代理ログイン中のみ販売店が閲覧できます。',
    'devices.ops.blockedRecorder':
      'リモート操作はできません：このレコーダーのカメラに有効なライセンスがありません。',
    'devices.ops.blockedCamera': 'リモート操作はできません：このカメラに有効なライセンスがありません。',
    'devices.ops.since': '{date}から。',
    'devices.ops.neverLicensed': 'ライセンスが割り当てられたことはありません。',
    'devices.ops.restore': '新しいライセンスが割り当てられると、すぐに再開します。',
    'devices.ops.cameraOnlyRestart':
      'カメラ直結のカメラでリモート操作できるのは再起動のみです。ファームウェア更新・アラーム解除・エラー復旧はレコーダーの機能です。',
    'devices.command.reserved': '{at}に予約済みです。新しく予約すると上書きされます。',
    'devices.command.cancelReservation': '予約を取り消す',
    'devices.command.cancelConfirm': '{at}に予約されたファームウェア更新を取り消します。',
    'devices.command.cancelled': 'ファームウェア更新の予約を取り消しました。',
    'devices.events.lapsedHidden':
      '有効なライセンスのないカメラが{count}台あります。ライセンスが再び割り当てられるまで、そのイベントは保存も表示もされません。',
    'devices.dealerTelemetry':
      '接続履歴とログは、お客様が設定した保守連携（リモート監視）か代理ログイン中に閲覧できます。',
  },
} as const;
