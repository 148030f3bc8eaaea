import { useState } from 'react';
import type { SxProps, Theme } from '@mui/material';
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
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import Search from '@mui/icons-material/Search';
import type { CustomerSort, CustomerView, SortOrder } from '@lc/shared';
import { exportCustomersCsv } from '../../../api/accounts';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useListFilters } from '../../../app/hooks/useListFilters';
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

/** Columns a phone (390 px) leaves out, so that name, status and licenses fit without scrolling. */
const WIDE_ONLY: SxProps<Theme> = { display: { xs: 'none', md: 'table-cell' } };

export function CustomersPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const list = useListFilters<{ sort: CustomerSort; order: SortOrder }>({ sort: 'createdAt', order: 'desc' });
  const { sort, order } = list.filters;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const query = { search: debounced || undefined, page: list.apiPage, pageSize: list.pageSize, sort, order };
  const customers = useCustomers(query);
  const csv = useCsvDownload(
    () => exportCustomersCsv({ search: query.search, sort, order }),
    'customers.csv',
    (e) => t('customers.list.exportFailed', { message: apiErrorMessage(t, e) }),
  );

  const sortBy = (s: CustomerSort) => {
    if (sort === s) list.setFilter('order', order === 'asc' ? 'desc' : 'asc');
    else list.setFilters({ sort: s, order: 'asc' });
  };
  const header = (s: CustomerSort, label: string, sx?: SxProps<Theme>) => (
    <TableCell sortDirection={sort === s ? order : false} sx={sx}>
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
            <CsvDownloadButton csv={csv}>{t('customers.list.export')}</CsvDownloadButton>
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
      <CsvDownloadError csv={csv} />
      <TextField
        size="small"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          list.resetPage();
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
        sx={{ mb: 2, width: { xs: '100%', sm: 320 } }}
      />
      <QueryTablePanel
        query={customers}
        loadingRows={6}
        emptyIcon={<PeopleOutlined fontSize="inherit" />}
        emptyText={debounced ? t('customers.list.noMatch') : t('customers.list.empty')}
        paging={list.paging}
      >
        {(data) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {header('name', t('customers.col.name'))}
                  {header('email', t('customers.col.email'), WIDE_ONLY)}
                  <TableCell sx={WIDE_ONLY}>{t('customers.col.language')}</TableCell>
                  <TableCell>{t('customers.col.status')}</TableCell>
                  <TableCell align="right">{t('customers.col.licenses')}</TableCell>
                  <TableCell align="right" sx={WIDE_ONLY}>
                    {t('customers.col.cameras')}
                  </TableCell>
                  <TableCell>{t('customers.col.nextEndsAt')}</TableCell>
                  {header('createdAt', t('customers.col.createdAt'), WIDE_ONLY)}
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
                    <TableCell sx={WIDE_ONLY}>{c.email}</TableCell>
                    <TableCell sx={WIDE_ONLY}>{t(`language.${c.language}`)}</TableCell>
                    <TableCell>
                      <StatusChip customer={c} />
                    </TableCell>
                    <TableCell align="right">{c.licenseCount ?? '—'}</TableCell>
                    <TableCell align="right" sx={WIDE_ONLY}>
                      {c.cameraCount ?? '—'}
                    </TableCell>
                    <TableCell>{c.nextEndsAt ? fmt(c.nextEndsAt, { dateOnly: true }) : '—'}</TableCell>
                    <TableCell sx={WIDE_ONLY}>{fmt(c.createdAt)}</TableCell>
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
