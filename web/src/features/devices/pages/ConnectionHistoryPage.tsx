import { Link as RouterLink } from 'react-router-dom';
import { Box, Button } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { ConnectionHistoryTable } from '../components/ConnectionHistoryTable';

/** Every device's connection history: filter by name or serial, status and period; CSV. */
export function ConnectionHistoryPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <Box>
      <Button component={RouterLink} to="/devices" startIcon={<ArrowBack />} sx={{ mb: 1 }}>
        {t('devices.detail.back')}
      </Button>
      <PageHeader title={t('devices.history.title')} subtitle={t('devices.history.subtitle')} />
      <ConnectionHistoryTable timeZone={user.timeZone} />
    </Box>
  );
}
