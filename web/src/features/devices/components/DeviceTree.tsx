import { Alert, Box, Typography } from '@mui/material';
import VideocamOutlined from '@mui/icons-material/VideocamOutlined';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { useT } from '../../../app/i18n/useT';
import { usePublicConfig } from '../../config/hooks/usePublicConfig';
import { useDevices } from '../hooks/useDevices';
import { groupDevices, lapsedCount } from '../tree';
import { DeviceCard } from './DeviceCard';

export interface DeviceTreeProps {
  /** A dealer reading one of its customers (read-only); absent for the customer itself. */
  customerId?: string;
  /** The customer's time zone. */
  timeZone?: string;
}

/** Recorders → cameras, then camera-direct cameras, each camera with its license status. */
export function DeviceTree({ customerId, timeZone }: DeviceTreeProps) {
  const t = useT();
  const devices = useDevices({ customerId });
  const config = usePublicConfig();
  // The simulator command is for dealers trying the product outside production, never for customers.
  const showSimulator = !!customerId && !!config.data?.devSurface;

  if (devices.isPending) return <LoadingRows rows={4} height={56} />;
  if (devices.isError) return <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />;
  if (devices.data.length === 0) {
    return (
      <EmptyState
        icon={<VideocamOutlined fontSize="inherit" />}
        title={t('devices.tree.emptyTitle')}
        description={
          <>
            {t(customerId ? 'devices.tree.emptyDealer' : 'devices.tree.empty')}
            {showSimulator && (
              <>
                <Box
                  component="code"
                  sx={{
                    display: 'block',
                    mt: 1.5,
                    p: 1,
                    bgcolor: 'action.hover',
                    borderRadius: 1,
                    fontSize: 12,
                  }}
                >
                  npm run sim -- --email &lt;e-mail&gt; --password &lt;password&gt; --cameras 4
                </Box>
                <Box component="span" sx={{ display: 'block', mt: 1 }}>
                  {t('devices.tree.emptySimulator')}
                </Box>
              </>
            )}
          </>
        }
      />
    );
  }
  const { recorders, direct } = groupDevices(devices.data);
  const lapsed = lapsedCount(devices.data);
  return (
    <Box data-testid="device-tree">
      {lapsed > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="lapsed-alert">
          {t(lapsed === 1 ? 'devices.tree.lapsedOne' : 'devices.tree.lapsedMany', { count: lapsed })}
        </Alert>
      )}
      {recorders.length > 0 && (
        <Box component="section" sx={{ mb: 2 }}>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('devices.tree.recorders')}
          </Typography>
          {recorders.map((d) => (
            <DeviceCard key={d.id} device={d} timeZone={timeZone} customerId={customerId} />
          ))}
        </Box>
      )}
      {direct.length > 0 && (
        <Box component="section">
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('devices.tree.direct')}
          </Typography>
          {direct.map((d) => (
            <DeviceCard key={d.id} device={d} timeZone={timeZone} customerId={customerId} />
          ))}
        </Box>
      )}
    </Box>
  );
}
