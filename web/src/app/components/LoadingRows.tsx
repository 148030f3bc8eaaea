import { Box, Skeleton } from '@mui/material';
import { useT } from '../i18n/useT';

/** Placeholder rows while a list loads. */
export function LoadingRows({ rows = 5, height = 40 }: { rows?: number; height?: number }) {
  const t = useT();
  return (
    <Box role="progressbar" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={height} sx={{ mb: 1 }} />
      ))}
    </Box>
  );
}
