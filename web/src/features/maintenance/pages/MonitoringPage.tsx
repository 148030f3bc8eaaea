import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Button,
  Chip,
  InputAdornment,
  Link,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import ContactMailOutlined from '@mui/icons-material/ContactMailOutlined';
import MonitorHeartOutlined from '@mui/icons-material/MonitorHeartOutlined';
import Search from '@mui/icons-material/Search';
import { exportMonitoredDevicesCsv, type MonitoringQuery } from '../../../api/maintenance';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PageHeader } from '../../../app/components/PageHeader';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { localInputToIso } from '../../../app/i18n/localInputToIso';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { StatusChip } from '../components/StatusChip';
import { useMaintenanceCustomers, useMonitoredDevices } from '../hooks/useMonitoring';
import { STATUS_FILTERS, statusLabel } from '../maintenanceText';

/** The maintaining dealer's monitoring list (seed 004 §1-4): filters, server paging, CSV. */
export function MonitoringPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const [customerId, setCustomerId] = useState('');
  const [status, setStatus] = useState('');
  const [seenAfter, setSeenAfter] = useState('');
  const [seenBefore, setSeenBefore] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const filter: MonitoringQuery = {
    customerId: customerId || undefined,
    q: debounced || undefined,
    status: status || undefined,
    lastSeenAfter: localInputToIso(seenAfter),
    lastSeenBefore: localInputToIso(seenBefore),
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const devices = useMonitoredDevices({ ...filter, page: page + 1, pageSize });
  const customers = useMaintenanceCustomers();

  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };
  const csv = useCsvDownload(
    () => exportMonitoredDevicesCsv(filter),
    'maintenance-devices.csv',
    (e) => t('maintenance.list.exportFailed', { message: apiErrorMessage(t, e) }),
  );

  return (
    <Box>
      <PageHeader
        title={t('maintenance.list.title')}
        subtitle={t('maintenance.list.subtitle')}
        actions={
          <>
            <CsvDownloadButton csv={csv}>{t('maintenance.list.export')}</CsvDownloadButton>
            <Button
              variant="outlined"
              component={RouterLink}
              to="/maintenance/contacts"
              startIcon={<ContactMailOutlined />}
            >
              {t('maintenance.list.contacts')}
            </Button>
          </>
        }
      />
      <CsvDownloadError csv={csv} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        <TextField
          size="small"
          value={search}
          onChange={(e) => reset(setSearch)(e.target.value)}
          placeholder={t('maintenance.list.search')}
          slotProps={{
            htmlInput: { 'aria-label': t('maintenance.list.search') },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{ minWidth: 240 }}
        />
        <TextField
          select
          size="small"
          label={t('maintenance.list.customer')}
          value={customerId}
          onChange={(e) => reset(setCustomerId)(e.target.value)}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('maintenance.list.allCustomers')}</MenuItem>
          {(customers.data ?? []).map((c) => (
            <MenuItem key={c.customerId} value={c.customerId}>
              {c.name} ({c.devices})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('maintenance.list.status')}
          value={status}
          onChange={(e) => reset(setStatus)(e.target.value)}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{t('maintenance.list.anyStatus')}</MenuItem>
          {STATUS_FILTERS.map((s) => (
            <MenuItem key={s} value={s}>
              {statusLabel(t, s)}
            </MenuItem>
          ))}
        </TextField>
        <PeriodFields
          from={seenAfter}
          to={seenBefore}
          onFromChange={reset(setSeenAfter)}
          onToChange={reset(setSeenBefore)}
          fromLabel={t('maintenance.list.seenAfter')}
          toLabel={t('maintenance.list.seenBefore')}
        />
        {filtered && (
          <Button
            onClick={() => {
              setSearch('');
              setCustomerId('');
              setStatus('');
              setSeenAfter('');
              setSeenBefore('');
              setPage(0);
            }}
          >
            {t('maintenance.list.clear')}
          </Button>
        )}
      </Box>
      <QueryTablePanel
        query={devices}
        loadingRows={6}
        emptyIcon={<MonitorHeartOutlined fontSize="inherit" />}
        emptyText={filtered ? t('maintenance.list.noMatch') : t('maintenance.list.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t('maintenance.list.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('maintenance.col.device')}</TableCell>
                  <TableCell>{t('maintenance.col.customer')}</TableCell>
                  <TableCell>{t('maintenance.col.type')}</TableCell>
                  <TableCell>{t('maintenance.col.status')}</TableCell>
                  <TableCell>{t('maintenance.col.lastSeen')}</TableCell>
                  <TableCell>{t('maintenance.col.licensed')}</TableCell>
                  <TableCell>{t('maintenance.col.operations')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((d) => (
                  <TableRow key={d.deviceId} hover>
                    <TableCell>
                      <Link component={RouterLink} to={`/maintenance/devices/${d.deviceId}`}>
                        {d.name ?? d.serial}
                      </Link>
                      {d.name && (
                        <Box component="span" sx={{ color: 'text.secondary', ml: 1, fontSize: 12 }}>
                          {d.serial}
                        </Box>
                      )}
                    </TableCell>
                    <TableCell>{d.customerName}</TableCell>
                    <TableCell>{t(`maintenance.type.${d.type}`)}</TableCell>
                    <TableCell>
                      <StatusChip status={d.status} />
                    </TableCell>
                    <TableCell>{d.lastSeenAt ? fmt(d.lastSeenAt) : t('maintenance.never')}</TableCell>
                    <TableCell>
                      {d.licensedCameras} / {d.cameras}
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={d.operable ? 'success' : 'default'}
                        label={d.operable ? t('maintenance.operable') : t('maintenance.unlicensed')}
                      />
                    </TableCell>
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
