import { useState } from 'react';
import { Alert, Box, Button, MenuItem, TextField } from '@mui/material';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import ReceiptOutlined from '@mui/icons-material/ReceiptOutlined';
import { INVOICE_STATUSES, type InvoiceStatus } from '@lc/shared';
import { exportInvoicesCsv, type InvoiceQuery } from '../../../api/billing';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { InvoicesTable } from '../components/InvoicesTable';
import { downloadBlob } from '../downloadBlob';
import { useInvoices } from '../hooks/useInvoices';

/** Invoices issued (operator, primary dealer) or received (dealer), printable and exportable. */
export function InvoicesPage() {
  const t = useT();
  const user = useCurrentUser();
  const [status, setStatus] = useState<InvoiceStatus | ''>('');
  const [role, setRole] = useState<'issuer' | 'buyer' | ''>('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [exportError, setExportError] = useState<unknown>(null);
  const filter: InvoiceQuery = { status: status || undefined, role: role || undefined };
  const invoices = useInvoices({ ...filter, page: page + 1, pageSize });

  const exportCsv = (kind: 'invoices' | 'lines') => {
    setExportError(null);
    exportInvoicesCsv(kind, filter)
      .then((blob) => downloadBlob(blob, kind === 'invoices' ? 'invoices.csv' : 'invoice-lines.csv'))
      .catch((e: unknown) => setExportError(e));
  };

  return (
    <Box>
      <PageHeader
        title={t('billing.invoices.title')}
        subtitle={t('billing.invoices.subtitle')}
        actions={
          <>
            <Button startIcon={<DownloadOutlined />} onClick={() => exportCsv('invoices')}>
              {t('billing.invoices.exportCsv')}
            </Button>
            <Button startIcon={<DownloadOutlined />} onClick={() => exportCsv('lines')}>
              {t('billing.invoices.exportLinesCsv')}
            </Button>
          </>
        }
      />
      {exportError !== null && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setExportError(null)}>
          {apiErrorMessage(t, exportError)}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          size="small"
          label={t('billing.invoices.filterStatus')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as InvoiceStatus | '');
            setPage(0);
          }}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('billing.common.all')}</MenuItem>
          {INVOICE_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`billing.invoiceStatus.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        {user.role === 'dealer' && (
          <TextField
            select
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
            size="small"
            label={t('billing.invoices.filterRole')}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as 'issuer' | 'buyer' | '');
              setPage(0);
            }}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('billing.common.all')}</MenuItem>
            <MenuItem value="buyer">{t('billing.invoices.roleBuyer')}</MenuItem>
            <MenuItem value="issuer">{t('billing.invoices.roleIssuer')}</MenuItem>
          </TextField>
        )}
      </Box>
      <QueryTablePanel
        query={invoices}
        emptyIcon={<ReceiptOutlined fontSize="inherit" />}
        emptyText={t('billing.invoices.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => <InvoicesTable invoices={data.items} />}
      </QueryTablePanel>
    </Box>
  );
}
