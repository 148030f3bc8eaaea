import { Box, Paper, Skeleton, Tooltip, Typography } from '@mui/material';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useCustomerLicenses } from '../../licenses/hooks/useCustomerLicenses';
import { poolSummary } from '../poolSummary';

export interface PoolPanelProps {
  customerId: string;
  timeZone?: string;
}

/** The customer's unbound valid licenses per kind: they bind to the next camera without one. */
export function PoolPanel({ customerId, timeZone }: PoolPanelProps) {
  const t = useT();
  const { lang } = useLang();
  const licenses = useCustomerLicenses(customerId);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }} data-testid="pool-panel">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <KeyOutlined fontSize="small" sx={{ color: 'text.secondary' }} />
        <Tooltip title={t('devices.pool.explain')}>
          <Typography variant="subtitle1" component="h2" tabIndex={0}>
            {t('devices.pool.title')}
          </Typography>
        </Tooltip>
      </Box>
      {licenses.isPending ? (
        <Skeleton variant="rounded" height={32} />
      ) : licenses.isError ? (
        <ErrorState error={licenses.error} onRetry={() => void licenses.refetch()} />
      ) : (
        (() => {
          const pool = poolSummary(licenses.data);
          if (pool.length === 0) {
            return (
              <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="pool-empty">
                {t('devices.pool.empty')}
              </Typography>
            );
          }
          return (
            <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              {pool.map((p) => (
                <Box key={p.kind} data-testid={`pool-${p.kind}`}>
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    {t(`licenses.kind.${p.kind}`)}
                  </Typography>
                  <Typography variant="h6" component="p">
                    {t('devices.pool.count', { count: p.count })}
                  </Typography>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {t('devices.pool.earliest', {
                      date: formatDateTime(p.earliestEndsAt, lang, timeZone, { dateOnly: true }),
                    })}
                  </Typography>
                </Box>
              ))}
            </Box>
          );
        })()
      )}
    </Paper>
  );
}
