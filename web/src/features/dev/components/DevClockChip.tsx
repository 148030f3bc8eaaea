import { Chip, Tooltip } from '@mui/material';
import Schedule from '@mui/icons-material/Schedule';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useDevClock } from '../hooks/useDevClock';

/** Service time in the app bar (dev surface only); highlighted when a developer moved the clock. */
export function DevClockChip() {
  const t = useT();
  const format = useFormatDateTime();
  const clock = useDevClock(true);
  if (!clock.data) return null;
  const { now, overridden } = clock.data;
  return (
    <Tooltip title={overridden ? t('devClock.overridden') : t('devClock.real')}>
      <Chip
        data-testid="dev-clock"
        data-overridden={overridden ? 'true' : 'false'}
        icon={<Schedule />}
        label={format(now)}
        size="small"
        color={overridden ? 'warning' : 'default'}
        variant={overridden ? 'filled' : 'outlined'}
        sx={[
          { display: { xs: 'none', sm: 'inline-flex' } },
          !overridden && {
            color: 'inherit',
            borderColor: 'rgba(255,255,255,0.5)',
            '& .MuiChip-icon': { color: 'inherit' },
          },
        ]}
      />
    </Tooltip>
  );
}
