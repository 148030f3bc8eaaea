import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Chip,
  InputAdornment,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import Download from '@mui/icons-material/Download';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import Search from '@mui/icons-material/Search';
import type { CustomerSort, CustomerView, SortOrder } from '@lc/shared';
import { exportCustomersCsv } from '../../../api/accounts';
import { saveDownload } from '../../../api/saveDownload';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useDebouncedValue } from '../../dev/hooks/useDebouncedValue';
import { AddCustomerDialog } from '../components/AddCustomerDialog';
import { useCustomers } from '../hooks/useCustomers';

function StatusChip({ customer }: { customer: CustomerView }) {
  const t = useT();
  if (customer.deactivatedAt) {
    return <Chip size="small" variant="outlined" label={t('customers.status.deactivated')} />;
  }
  if (customer.handoverPending) {
    return <Chip size="small" variant="outlined" color="warning" label={t('customers.status.handover')} />;
  }
  if (customer.initialPasswordPending) {
    return (
      <Chip size="small" variant="outlined" color="info" label={t('customers.status.initialPassword')} />
    );
  }
  return <Chip size="small" variant="outlined" color="success" label={t('customers.status.active')} />;
}

export function CustomersPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<CustomerSort>('createdAt');
  const [order, setOrder] = useState<SortOrder>('desc');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const query = { search: debounced || undefined, page: page + 1, pageSize, sort, order };
  const customers = useCustomers(query);

  const sortBy = (s: CustomerSort) => {
    if (sort === s) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(s);
      setOrder('asc');
    }
    setPage(0);
  };
  const onExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const res = await exportCustomersCsv({ search: query.search, sort, order });
      await saveDownload(res, 'customers.csv');
    } catch (e) {
      setExportError(t('customers.list.exportFailed', { message: apiErrorMessage(t, e) }));
    } finally {
      setExporting(false);
    }
  };
  const header = (s: CustomerSort, label: string) => (
    <TableCell sortDirection={sort === s ? order : false}>
      <TableSortLabel active={sort === s} direction={sort === s ? order : 'asc'} onClick={() => sortBy(s)}>
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <Box>
      <PageHeader
        title={t('customers.list.title')}
        subtitle={t('customers.list.subtitle')}
        actions={
          <>
            <Button startIcon={<Download />} onClick={() => void onExport()} loading={exporting}>
              {t('customers.list.export')}
            </Button>
            <Button variant="contained" startIcon={<Add />} onClick={() => setAdding(true)}>
              {t('customers.list.add')}
            </Button>
          </>
        }
      />
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {exportError && (
        <Alert severity="error" onClose={() => setExportError(null)} sx={{ mb: 2 }}>
          {exportError}
        </Alert>
      )}
      <TextField
        size="small"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(0);
        }}
        placeholder={t('customers.list.search')}
        slotProps={{
          htmlInput: { 'aria-label': t('customers.list.search') },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
        sx={{ mb: 2, minWidth: 320 }}
      />
      <QueryTablePanel
        query={customers}
        loadingRows={6}
        emptyIcon={<PeopleOutlined fontSize="inherit" />}
        emptyText={debounced ? t('customers.list.noMatch') : t('customers.list.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {header('name', t('customers.col.name'))}
                  {header('email', t('customers.col.email'))}
                  <TableCell>{t('customers.col.language')}</TableCell>
                  <TableCell>{t('customers.col.status')}</TableCell>
                  {header('createdAt', t('customers.col.createdAt'))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((c) => (
                  <TableRow key={c.id} hover>
                    <TableCell>
                      <Link component={RouterLink} to={`/customers/${c.id}`}>
                        {c.name}
                      </Link>
                    </TableCell>
                    <TableCell>{c.email}</TableCell>
                    <TableCell>{t(`language.${c.language}`)}</TableCell>
                    <TableCell>
                      <StatusChip customer={c} />
                    </TableCell>
                    <TableCell>{fmt(c.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      <AddCustomerDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={({ email, temporary }) => {
          setAdding(false);
          setNotice(temporary ? t('customers.add.doneTemporary') : t('customers.add.doneEmail', { email }));
        }}
      />
    </Box>
  );
}
