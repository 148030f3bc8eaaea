import { Link as RouterLink, useLocation } from 'react-router-dom';
import { Alert, Box, Button } from '@mui/material';
import LanOutlined from '@mui/icons-material/LanOutlined';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { DeviceTree } from '../components/DeviceTree';
import { PoolPanel } from '../components/PoolPanel';
import { FoldersPanel } from '../../sharing/components/FoldersPanel';
import type { DeviceLocationState } from './DeviceDetailPage';

/** The customer's devices (also inside a dealer's proxy session), in the customer's time zone. */
export function DevicesPage() {
  const t = useT();
  const user = useCurrentUser();
  const deleted = (useLocation().state as DeviceLocationState | null)?.deleted;
  return (
    <Box>
      <PageHeader
        title={t('devices.title')}
        subtitle={t('devices.subtitle')}
        actions={
          user.role === 'customer' ? (
            <Button component={RouterLink} to="/connection-history" startIcon={<LanOutlined />}>
              {t('devices.history.title')}
            </Button>
          ) : undefined
        }
      />
      {deleted && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} data-testid="device-deleted">
          {t('devices.delete.done', {
            serial: deleted.serial,
            licenses: deleted.licenses,
            days: deleted.daysForfeited,
          })}
        </Alert>
      )}
      {user.role === 'customer' && user.customerId && (
        <PoolPanel customerId={user.customerId} timeZone={user.timeZone} />
      )}
      <FoldersPanel readOnly={user.role !== 'customer'} />
      <DeviceTree timeZone={user.timeZone} />
    </Box>
  );
}
