import { Link as RouterLink } from 'react-router-dom';
import { Badge, IconButton, Tooltip } from '@mui/material';
import MailOutlined from '@mui/icons-material/MailOutlined';
import { useT } from '../../../app/i18n/useT';
import { useUnreadMessages } from '../hooks/useEventsFeature';

/** Header icon to the messages, with the unread count (announcements, notices, maintenance history). */
export function MessagesBadge() {
  const t = useT();
  const unread = useUnreadMessages(true);
  const count = unread.data ?? 0;
  return (
    <Tooltip title={t('messages.badge', { count })}>
      <IconButton
        color="inherit"
        component={RouterLink}
        to="/messages"
        aria-label={t('messages.badge', { count })}
        data-testid="messages-badge"
      >
        <Badge badgeContent={count} color="error">
          <MailOutlined />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
