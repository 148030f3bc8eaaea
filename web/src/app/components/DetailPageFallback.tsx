import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { ErrorState } from './ErrorState';
import { LoadingRows } from './LoadingRows';

/** The "back to the list" button at the top of a detail page. */
export function BackButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Button component={RouterLink} to={to} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {children}
    </Button>
  );
}

export interface DetailPageFallbackProps {
  /** The page's back button, shown above the loading rows or the error. */
  back: ReactNode;
  query: { isPending: boolean; error: unknown; refetch: () => Promise<unknown> };
  loadingRows: number;
}

/** A detail page before its record is there: loading rows, or the error with a retry. */
export function DetailPageFallback({ back, query, loadingRows }: DetailPageFallbackProps) {
  return (
    <Box>
      {back}
      {query.isPending ? (
        <LoadingRows rows={loadingRows} />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
    </Box>
  );
}
