export const portalMessagesMessages = {
  en: {
    'messages.title': 'Messages',
    'messages.subtitle': 'Notices from your dealer and the service.',
    'messages.empty': 'Messages for you appear here.',
    'messages.unread': '{count} unread',
    'messages.new': 'New',
    'messages.markRead': 'Mark as read',
  },
  ja: {
    'messages.title': 'メッセージ',
    'messages.subtitle': '販売店とサービスからのお知らせです。',
    'messages.empty': 'あなた宛てのメッセージがここに表示されます。',
    'messages.unread': '未読 {count} 件',
    'messages.new': '未読',
    'messages.markRead': '既読にする',
  },
} as const;
