import type { ReactNode } from 'react';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { useT } from '../../../app/i18n/useT';
import { usePublicConfig } from '../../config/hooks/usePublicConfig';

/** Developer tools exist only where the server enables its dev surface (never in production). */
export function RequireDevSurface({ children }: { children: ReactNode }) {
  const t = useT();
  const config = usePublicConfig();
  if (config.isPending) return <LoadingRows rows={3} />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data.devSurface) {
    return (
      <EmptyState
        icon={<BlockOutlined fontSize="inherit" />}
        title={t('dev.unavailable')}
        description={t('dev.unavailableHint')}
      />
    );
  }
  return children;
}
