import { Box, Paper } from '@mui/material';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { CustomerLicensesTable } from '../components/CustomerLicensesTable';

/** The customer portal's licenses, in the customer's own time zone. */
export function CustomerLicensesPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <Box>
      <PageHeader title={t('licenses.customer.title')} subtitle={t('licenses.customer.subtitle')} />
      {user.customerId && (
        <Paper variant="outlined">
          <CustomerLicensesTable customerId={user.customerId} timeZone={user.timeZone} />
        </Paper>
      )}
    </Box>
  );
}
