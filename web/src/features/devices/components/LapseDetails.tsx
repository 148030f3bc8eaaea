import { Box, Typography } from '@mui/material';
import type { Capabilities } from '@lc/shared';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { lapseExplanation } from '../lapse';

export interface LapseDetailsProps {
  capabilities?: Capabilities;
  /** Light text for a dark tooltip. */
  dense?: boolean;
}

/** Two lists: what stopped without a license, and what still works (SPEC §3). */
export function LapseDetails({ capabilities, dense }: LapseDetailsProps) {
  const t = useT();
  const { lang } = useLang();
  const { stopped, kept } = lapseExplanation(lang, capabilities);
  const list = (items: typeof stopped, testId: string) => (
    <Box component="ul" sx={{ m: 0, pl: 2.5, mb: dense ? 0.5 : 1 }} data-testid={testId}>
      {items.map((i) => (
        <Typography
          component="li"
          variant={dense ? 'caption' : 'body2'}
          key={i.key}
          sx={{ display: 'list-item' }}
        >
          {i.label}
        </Typography>
      ))}
    </Box>
  );
  return (
    <Box>
      <Typography variant={dense ? 'caption' : 'subtitle2'} component="p" sx={{ fontWeight: 600 }}>
        {t('devices.lapse.stoppedTitle')}
      </Typography>
      {list(stopped, 'lapse-stopped')}
      <Typography variant={dense ? 'caption' : 'subtitle2'} component="p" sx={{ fontWeight: 600 }}>
        {t('devices.lapse.keptTitle')}
      </Typography>
      {list(kept, 'lapse-kept')}
    </Box>
  );
}
