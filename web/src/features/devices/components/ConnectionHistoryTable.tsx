import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Chip,
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
import LanOutlined from '@mui/icons-material/LanOutlined';
import { CONNECTION_EVENT_KINDS, CONNECTION_HISTORY_PAGE_SIZE, type ConnectionEventKind } from '@lc/shared';
import { exportConnectionHistoryCsv, type DeviceTelemetryBase } from '../../../api/devices';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useConnectionHistory } from '../hooks/useTelemetry';
import { devicePath } from '../paths';
import { deviceDisplayName } from '../tree';
import { localInputToIso } from '../validation';

const KIND_COLORS: Record<ConnectionEventKind, 'default' | 'success' | 'error'> = {
  registered: 'default',
  online: 'success',
  communication_error: 'error',
};

export interface ConnectionHistoryTableProps {
  /** One device's history; the customer's whole history (with a name/serial filter) when absent. */
  deviceId?: string;
  /** A dealer reading its customer's. */
  customerId?: string;
  timeZone?: string;
  /** Where one device's history is read: `/devices` (default) or `/maintenance/devices` for a maintaining dealer. */
  base?: DeviceTelemetryBase;
}

/** Connect/disconnect transitions, newest first, 50 per page, with filters and CSV export. */
export function ConnectionHistoryTable({
  deviceId,
  customerId,
  timeZone,
  base = '/devices',
}: ConnectionHistoryTableProps) {
  const t = useT();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ConnectionEventKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const search = useDebouncedValue(q.trim());
  const filters = {
    customerId,
    q: deviceId ? undefined : search || undefined,
    kind: kind || undefined,
    from: localInputToIso(from),
    to: localInputToIso(to),
  };
  const history = useConnectionHistory(
    deviceId,
    { ...filters, page: page + 1, pageSize: CONNECTION_HISTORY_PAGE_SIZE },
    base,
  );

  const csv = useCsvDownload(
    () => exportConnectionHistoryCsv(deviceId, filters, base),
    'connection-history.csv',
    (e) => t('devices.exportFailed', { message: deviceErrorMessage(t, e) }),
  );
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  return (
    <Box data-testid="connection-history">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        {!deviceId && (
          <TextField
            size="small"
            label={t('devices.history.search')}
            value={q}
            onChange={(e) => reset(setQ)(e.target.value)}
            sx={{ minWidth: 220 }}
          />
        )}
        <TextField
          select
          size="small"
          label={t('devices.history.kind')}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          value={kind}
          onChange={(e) => reset(setKind)(e.target.value as ConnectionEventKind | '')}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('devices.history.allKinds')}</MenuItem>
          {CONNECTION_EVENT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`devices.history.kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <PeriodFields
          from={from}
          to={to}
          onFromChange={reset(setFrom)}
          onToChange={reset(setTo)}
          fromLabel={t('devices.filter.from')}
          toLabel={t('devices.filter.to')}
        />
        <CsvDownloadButton csv={csv}>{t('devices.exportCsv')}</CsvDownloadButton>
      </Box>
      <CsvDownloadError csv={csv} />
      <QueryTablePanel
        query={history}
        emptyIcon={<LanOutlined fontSize="inherit" />}
        emptyText={t('devices.history.empty')}
        paging={{
          page,
          pageSize: CONNECTION_HISTORY_PAGE_SIZE,
          sizes: [CONNECTION_HISTORY_PAGE_SIZE],
          onPageChange: setPage,
          onPageSizeChange: () => undefined,
        }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t('devices.history.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('devices.col.at')}</TableCell>
                  {!deviceId && <TableCell>{t('devices.col.device')}</TableCell>}
                  {!deviceId && <TableCell>{t('devices.col.serial')}</TableCell>}
                  <TableCell>{t('devices.history.kind')}</TableCell>
                  <TableCell>{t('devices.col.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((e) => (
                  <TableRow key={e.id} hover data-testid="history-row">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.at, lang, timeZone, { seconds: true })}
                    </TableCell>
                    {!deviceId && (
                      <TableCell>
                        <Link component={RouterLink} to={devicePath(e.deviceId, customerId)}>
                          {deviceDisplayName({ name: e.deviceName, model: e.model, serial: e.serial })}
                        </Link>
                      </TableCell>
                    )}
                    {!deviceId && <TableCell>{e.serial}</TableCell>}
                    <TableCell>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={KIND_COLORS[e.kind]}
                        label={t(`devices.history.kind.${e.kind}`)}
                      />
                    </TableCell>
                    <TableCell>{e.status ?? ''}</TableCell>
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
