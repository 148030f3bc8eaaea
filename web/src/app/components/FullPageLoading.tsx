import { Box, LinearProgress } from '@mui/material';
import { useT } from '../i18n/useT';

export function FullPageLoading() {
  const t = useT();
  return (
    <Box sx={{ position: 'fixed', top: 0, left: 0, right: 0 }}>
      <LinearProgress aria-label={t('common.loading')} />
    </Box>
  );
}
