import { Chip } from '@mui/material';
import { useT } from '../../../app/i18n/useT';

/** The device's status word: online/normal, communication error, or what the device reported. */
export function DeviceStatusChip({ status }: { status: string }) {
  const t = useT();
  if (status === 'communication_error') {
    return (
      <Chip
        size="small"
        color="error"
        label={t('devices.status.communicationError')}
        data-testid="device-status"
      />
    );
  }
  if (status === 'online' || status === 'normal') {
    return (
      <Chip
        size="small"
        color="success"
        variant="outlined"
        label={t('devices.status.normal')}
        data-testid="device-status"
      />
    );
  }
  return (
    <Chip
      size="small"
      color="warning"
      label={t('devices.status.other', { status })}
      data-testid="device-status"
    />
  );
}
