import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useDevices } from '../../devices/hooks/useDevices';
import { cameraWithDeviceName } from '../../devices/tree';
import { useCustomerLicenses } from '../hooks/useCustomerLicenses';
import { LicenseStateChip } from './LicenseStateChip';

export interface CustomerLicensesTableProps {
  customerId: string;
  /** The zone the dates are shown in (the customer's); the browser's when absent. */
  timeZone?: string;
}

/** A customer's licenses: state, kind, SKU, end, days left, camera or "in pool". */
export function CustomerLicensesTable({ customerId, timeZone }: CustomerLicensesTableProps) {
  const t = useT();
  const { lang } = useLang();
  const licenses = useCustomerLicenses(customerId);
  const user = useCurrentUser();
  // Names instead of ids: "Camera 3 (REC-8 (SIM-REC-8))".
  const devices = useDevices(user.role === 'dealer' ? { customerId } : {});
  const cameraNames = new Map<string, string>();
  for (const d of devices.data ?? []) {
    for (const c of d.cameras) cameraNames.set(c.id, cameraWithDeviceName(t, c, d));
  }

  if (licenses.isPending) {
    return (
      <Box sx={{ p: 2 }}>
        <LoadingRows rows={4} />
      </Box>
    );
  }
  if (licenses.isError) {
    return (
      <Box sx={{ p: 2 }}>
        <ErrorState error={licenses.error} onRetry={() => void licenses.refetch()} />
      </Box>
    );
  }
  if (licenses.data.length === 0) {
    return (
      <EmptyState
        icon={<KeyOutlined fontSize="inherit" />}
        title={t('common.nothingHereYet')}
        description={t('licenses.customer.empty')}
      />
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label={t('licenses.customer.title')} data-testid="customer-licenses-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('licenses.col.state')}</TableCell>
            <TableCell>{t('licenses.col.kind')}</TableCell>
            <TableCell>{t('licenses.col.sku')}</TableCell>
            <TableCell>{t('licenses.col.termStartsAt')}</TableCell>
            <TableCell>{t('licenses.col.endsAt')}</TableCell>
            <TableCell align="right">{t('licenses.col.daysLeft')}</TableCell>
            <TableCell>{t('licenses.col.camera')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {licenses.data.map((l) => (
            <TableRow key={l.id} data-testid="license-row">
              <TableCell>
                <LicenseStateChip state={l.state} />
              </TableCell>
              <TableCell>{t(`licenses.kind.${l.kind}`)}</TableCell>
              <TableCell>{l.skuCode}</TableCell>
              <TableCell>{formatDateTime(l.termStartsAt, lang, timeZone, { dateOnly: true })}</TableCell>
              <TableCell>{formatDateTime(l.endsAt, lang, timeZone, { dateOnly: true })}</TableCell>
              <TableCell align="right">{l.daysLeft}</TableCell>
              <TableCell>
                {l.cameraId
                  ? (cameraNames.get(l.cameraId) ?? t('licenses.removedCamera'))
                  : t('licenses.inPool')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
