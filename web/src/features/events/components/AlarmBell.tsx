import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { eventTypeLabel } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useAlarms } from '../hooks/useEventsFeature';

/** Header bell: the latest 10 alarms, a link to the full list and to the settings (seed 001 §5.6.2). */
export function AlarmBell() {
  const t = useT();
  const { lang } = useLang();
  const fmt = useFormatDateTime();
  const alarms = useAlarms(true);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const count = alarms.data?.length ?? 0;
  return (
    <>
      <Tooltip title={t('bell.label')}>
        <IconButton color="inherit" aria-label={t('bell.label')} onClick={(e) => setAnchor(e.currentTarget)}>
          <Badge badgeContent={count} color="error" max={9}>
            <NotificationsOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ width: 340 }} data-testid="alarm-bell">
          <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
            {t('bell.label')}
          </Typography>
          {alarms.isError ? (
            <Typography variant="body2" color="error" sx={{ px: 2, py: 1 }}>
              {t('bell.error')}
            </Typography>
          ) : count === 0 ? (
            <Typography variant="body2" sx={{ px: 2, py: 1, color: 'text.secondary' }}>
              {alarms.isPending ? '…' : t('bell.empty')}
            </Typography>
          ) : (
            <List dense>
              {alarms.data!.map((a) => (
                <ListItem key={a.id}>
                  <ListItemText
                    primary={eventTypeLabel(a.type, lang)}
                    secondary={`${fmt(a.at)} · ${a.deviceName ?? ''}${a.cameraName ? ` / ${a.cameraName}` : ''}`}
                  />
                </ListItem>
              ))}
            </List>
          )}
          <Divider />
          <Box sx={{ display: 'flex', justifyContent: 'space-between', p: 1 }}>
            <Button
              size="small"
              component={RouterLink}
              to="/event-notifications"
              onClick={() => setAnchor(null)}
            >
              {t('bell.settings')}
            </Button>
            <Button size="small" component={RouterLink} to="/events" onClick={() => setAnchor(null)}>
              {t('bell.all')}
            </Button>
          </Box>
        </Box>
      </Popover>
    </>
  );
}
