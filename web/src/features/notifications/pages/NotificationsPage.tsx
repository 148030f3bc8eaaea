import { Box } from '@mui/material';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { NotificationSettingsSwitch } from '../components/NotificationSettingsSwitch';
import { NotificationsTable } from '../components/NotificationsTable';
import { RenewalRequestsCard } from '../../renewal-requests/components/RenewalRequestsCard';

export function NotificationsPage() {
  const t = useT();
  return (
    <Box>
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')} />
      <Box sx={{ mb: 2 }}>
        <RenewalRequestsCard />
      </Box>
      <NotificationSettingsSwitch />
      <NotificationsTable />
    </Box>
  );
}
