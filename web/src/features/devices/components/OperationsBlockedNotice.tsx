import { Alert, Box, Typography } from '@mui/material';
import type { DeviceType } from '@lc/shared';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import type { DeviceOperationsState } from '../operations';
import { LapseDetails } from './LapseDetails';

export interface OperationsBlockedNoticeProps {
  type: DeviceType;
  state: DeviceOperationsState;
  timeZone?: string;
}

/**
 * Why remote operations are unavailable (SPEC §3): the device's license standing, since when,
 * and the lapse panel — what stopped and what still works.
 */
export function OperationsBlockedNotice({ type, state, timeZone }: OperationsBlockedNoticeProps) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="operations-blocked">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t(type === 'camera' ? 'devices.ops.blockedCamera' : 'devices.ops.blockedRecorder')}{' '}
        {state.standing === 'never_licensed'
          ? t('devices.ops.neverLicensed')
          : state.lapsedAt
            ? t('devices.ops.since', { date: formatDateTime(state.lapsedAt, lang, timeZone) })
            : ''}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('devices.ops.restore')}
      </Typography>
      <Box>
        <LapseDetails />
      </Box>
    </Alert>
  );
}
