import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Paper, Typography } from '@mui/material';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import VideocamOutlined from '@mui/icons-material/VideocamOutlined';
import type { DeviceView } from '@lc/shared';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { devicePath } from '../paths';
import { deviceDisplayName } from '../tree';
import { CamerasTable } from './CamerasTable';
import { DeviceStatusChip } from './DeviceStatusChip';

export interface DeviceCardProps {
  device: DeviceView;
  timeZone?: string;
  customerId?: string;
}

/** A recorder (or camera-direct camera) with its status and its cameras' license status. */
export function DeviceCard({ device, timeZone, customerId }: DeviceCardProps) {
  const t = useT();
  const { lang } = useLang();
  const Icon = device.type === 'recorder' ? DnsOutlined : VideocamOutlined;
  return (
    <Paper variant="outlined" sx={{ mb: 2 }} data-testid="device-card" data-device-id={device.id}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, p: 2, flexWrap: 'wrap' }}>
        <Icon sx={{ color: 'text.secondary' }} />
        <Box sx={{ flex: 1, minWidth: 200 }}>
          <Typography variant="subtitle1" component="h3" data-testid="device-name">
            {deviceDisplayName(device)}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('devices.tree.serialLine', {
              type: t(device.type === 'recorder' ? 'devices.type.recorder' : 'devices.type.camera'),
              serial: device.serial,
              seen: device.lastSeenAt
                ? formatDateTime(device.lastSeenAt, lang, timeZone)
                : t('devices.tree.neverSeen'),
            })}
          </Typography>
        </Box>
        <DeviceStatusChip status={device.status} />
        <Button component={RouterLink} to={devicePath(device.id, customerId)} size="small" variant="outlined">
          {t('devices.tree.details')}
        </Button>
      </Box>
      <CamerasTable cameras={device.cameras} timeZone={timeZone} customerId={customerId} />
    </Paper>
  );
}
