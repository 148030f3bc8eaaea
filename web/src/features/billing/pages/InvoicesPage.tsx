import { Box, MenuItem, TextField } from '@mui/material';
import ReceiptOutlined from '@mui/icons-material/ReceiptOutlined';
import { INVOICE_STATUSES, type InvoiceStatus } from '@lc/shared';
import { exportInvoicesCsv, type InvoiceQuery } from '../../../api/billing';
import { FilterBar } from '../../../app/components/FilterBar';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { useListFilters } from '../../../app/hooks/useListFilters';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { InvoicesTable } from '../components/InvoicesTable';
import { useInvoices } from '../hooks/useInvoices';

/** Invoices issued (operator, primary dealer) or received (dealer), printable and exportable. */
export function InvoicesPage() {
  const t = useT();
  const user = useCurrentUser();
  const list = useListFilters<{ status: InvoiceStatus | ''; role: 'issuer' | 'buyer' | '' }>({
    status: '',
    role: '',
  });
  const { status, role } = list.filters;
  const filter: InvoiceQuery = { status: status || undefined, role: role || undefined };
  const invoices = useInvoices({ ...filter, page: list.apiPage, pageSize: list.pageSize });
  const failed = (e: unknown) => apiErrorMessage(t, e);
  const invoicesCsv = useCsvDownload(() => exportInvoicesCsv('invoices', filter), 'invoices.csv', failed);
  const linesCsv = useCsvDownload(() => exportInvoicesCsv('lines', filter), 'invoice-lines.csv', failed);

  return (
    <Box>
      <PageHeader
        title={t('billing.invoices.title')}
        subtitle={t('billing.invoices.subtitle')}
        actions={
          <>
            <CsvDownloadButton csv={invoicesCsv}>{t('billing.invoices.exportCsv')}</CsvDownloadButton>
            <CsvDownloadButton csv={linesCsv}>{t('billing.invoices.exportLinesCsv')}</CsvDownloadButton>
          </>
        }
      />
      <CsvDownloadError csv={invoicesCsv} />
      <CsvDownloadError csv={linesCsv} />
      <FilterBar activeCount={[status, role].filter(Boolean).length}>
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          size="small"
          label={t('billing.invoices.filterStatus')}
          value={status}
          onChange={(e) => {
            list.setFilter('status', e.target.value as InvoiceStatus | '');
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
              list.setFilter('role', e.target.value as 'issuer' | 'buyer' | '');
            }}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('billing.common.all')}</MenuItem>
            <MenuItem value="buyer">{t('billing.invoices.roleBuyer')}</MenuItem>
            <MenuItem value="issuer">{t('billing.invoices.roleIssuer')}</MenuItem>
          </TextField>
        )}
      </FilterBar>
      <QueryTablePanel
        query={invoices}
        emptyIcon={<ReceiptOutlined fontSize="inherit" />}
        emptyText={t('billing.invoices.empty')}
        paging={list.paging}
      >
        {(data) => <InvoicesTable invoices={data.items} />}
      </QueryTablePanel>
    </Box>
  );
}
