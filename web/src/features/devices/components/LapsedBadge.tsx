import { Box, Chip, Tooltip, Typography } from '@mui/material';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { CameraView } from '@lc/shared';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { lapseCause } from '../lapse';
import { LapseDetails } from './LapseDetails';

export interface LapsedBadgeProps {
  camera: Pick<CameraView, 'licensed' | 'lapsedAt' | 'registeredAt' | 'capabilities'>;
  /** The customer's zone for the "since" date; the browser's when absent. */
  timeZone?: string;
}

/** "UNLICENSED" (never had a license) or "LAPSED" (had one), with a tooltip: why (never licensed / since when), what stopped and what still works. */
export function LapsedBadge({ camera, timeZone }: LapsedBadgeProps) {
  const t = useT();
  const { lang } = useLang();
  const cause = lapseCause(camera);
  if (!cause) return null;
  const since =
    cause.kind === 'since'
      ? t('devices.lapse.since', {
          date: formatDateTime(cause.at, lang, timeZone, { dateOnly: true }),
        })
      : t('devices.lapse.neverLicensed');
  return (
    <Tooltip
      arrow
      title={
        <Box sx={{ p: 0.5 }} data-testid="lapse-tooltip">
          <Typography variant="caption" component="p" sx={{ mb: 0.5 }}>
            {since}
          </Typography>
          <LapseDetails capabilities={camera.capabilities} dense />
        </Box>
      }
    >
      <Chip
        size="small"
        color="error"
        icon={<WarningAmberOutlined />}
        label={t(cause.kind === 'neverLicensed' ? 'devices.lapse.badgeNever' : 'devices.lapse.badge')}
        data-cause={cause.kind}
        data-testid="lapsed-badge"
        tabIndex={0}
      />
    </Tooltip>
  );
}
