import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Button,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import { exportAssignmentsCsv, type AssignmentQuery } from '../../../api/licenses';
import { FilterBar } from '../../../app/components/FilterBar';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PageHeader } from '../../../app/components/PageHeader';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { useListFilters } from '../../../app/hooks/useListFilters';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useAssignments } from '../hooks/useAssignments';
import { useCustomerSearch } from '../hooks/useCustomerSearch';
import { useSkus } from '../hooks/useSkus';
import { CustomerLink } from '../../../app/components/CustomerLink';

/** Who assigned what to whom, when, for which term; filters, paging and CSV. */
export function AssignmentsPage() {
  const t = useT();
  const { lang } = useLang();
  const format = useFormatDateTime();
  const skus = useSkus();
  const [customerSearch, setCustomerSearch] = useState('');
  const customers = useCustomerSearch(customerSearch);
  const list = useListFilters({ customerId: '', skuCode: '', from: '', to: '' });
  const { customerId, skuCode, from, to } = list.filters;
  const filter: AssignmentQuery = {
    customerId: customerId || undefined,
    skuCode: skuCode || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const rows = useAssignments({ ...filter, page: list.apiPage, pageSize: list.pageSize });
  const csv = useCsvDownload(
    () => exportAssignmentsCsv(filter),
    'assignments.csv',
    (e) => apiErrorMessage(t, e),
  );

  return (
    <Box>
      <PageHeader
        title={t('licenses.history.title')}
        subtitle={t('licenses.history.subtitle')}
        actions={
          <>
            <CsvDownloadButton csv={csv}>{t('licenses.history.exportCsv')}</CsvDownloadButton>
            <Button
              variant="contained"
              component={RouterLink}
              to="/assignments/new"
              startIcon={<AssignmentTurnedInOutlined />}
            >
              {t('licenses.wizard.title')}
            </Button>
          </>
        }
      />
      <CsvDownloadError csv={csv} />
      <FilterBar activeCount={[customerId, skuCode, from, to].filter(Boolean).length}>
        <TextField
          size="small"
          label={t('licenses.history.customerSearch')}
          value={customerSearch}
          onChange={(e) => {
            setCustomerSearch(e.target.value);
            if (!e.target.value.trim()) list.setFilter('customerId', '');
          }}
          sx={{ minWidth: 220 }}
        />
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          size="small"
          label={t('licenses.history.customer')}
          value={customerId}
          onChange={(e) => {
            list.setFilter('customerId', e.target.value);
          }}
          sx={{ minWidth: 220 }}
          disabled={!customers.data}
        >
          <MenuItem value="">{t('billing.common.all')}</MenuItem>
          {(customers.data?.items ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name} ({c.email})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          size="small"
          label={t('licenses.col.sku')}
          value={skuCode}
          onChange={(e) => {
            list.setFilter('skuCode', e.target.value);
          }}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{t('billing.common.all')}</MenuItem>
          {(skus.data ?? []).map((s) => (
            <MenuItem key={s.code} value={s.code}>
              {s.code}
            </MenuItem>
          ))}
        </TextField>
        <PeriodFields
          type="date"
          from={from}
          to={to}
          onFromChange={(v) => list.setFilter('from', v)}
          onToChange={(v) => list.setFilter('to', v)}
          fromLabel={t('licenses.history.from')}
          toLabel={t('licenses.history.to')}
        />
      </FilterBar>
      <QueryTablePanel
        query={rows}
        emptyIcon={<AssignmentTurnedInOutlined fontSize="inherit" />}
        emptyText={t('licenses.history.empty')}
        paging={list.paging}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t('licenses.history.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('licenses.history.assignedAt')}</TableCell>
                  <TableCell>{t('licenses.history.customer')}</TableCell>
                  <TableCell>{t('licenses.col.sku')}</TableCell>
                  <TableCell align="right">{t('licenses.wizard.quantity')}</TableCell>
                  <TableCell>{t('licenses.wizard.termStartsAt')}</TableCell>
                  <TableCell>{t('licenses.wizard.endsAt')}</TableCell>
                  <TableCell>{t('licenses.history.assignedBy')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{format(a.assignedAt)}</TableCell>
                    <TableCell>
                      <CustomerLink id={a.customerId} name={a.customerName} />
                      {a.customerEmail && (
                        <Box
                          component="span"
                          sx={{ display: 'block', color: 'text.secondary', fontSize: 12 }}
                        >
                          {a.customerEmail}
                        </Box>
                      )}
                    </TableCell>
                    <TableCell>
                      {a.skuCode}
                      <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: 12 }}>
                        {a.skuName[lang]}
                      </Box>
                    </TableCell>
                    <TableCell align="right">{a.quantity}</TableCell>
                    <TableCell>{format(a.termStartsAt, { dateOnly: true })}</TableCell>
                    <TableCell>{format(a.endsAt, { dateOnly: true })}</TableCell>
                    <TableCell>{a.assignedBy.name ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
    </Box>
  );
}
