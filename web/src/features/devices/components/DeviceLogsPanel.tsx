import { useState } from 'react';
import {
  Box,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import ArticleOutlined from '@mui/icons-material/ArticleOutlined';
import { DEVICE_LOG_KINDS, DEVICE_LOG_RETENTION, type DeviceLogKind } from '@lc/shared';
import { exportDeviceLogsCsv, type DeviceTelemetryBase } from '../../../api/devices';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useDeviceLogs } from '../hooks/useTelemetry';

export interface DeviceLogsPanelProps {
  deviceId: string;
  customerId?: string;
  timeZone?: string;
  /** Where the logs are read: `/devices` (default) or `/maintenance/devices` for a maintaining dealer. */
  base?: DeviceTelemetryBase;
}

/** The device's logs by kind (error, access, operation, network), newest first, with CSV export. */
export function DeviceLogsPanel({ deviceId, customerId, timeZone, base = '/devices' }: DeviceLogsPanelProps) {
  const t = useT();
  const { lang } = useLang();
  const [kind, setKind] = useState<DeviceLogKind>('error');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const logs = useDeviceLogs(deviceId, { customerId, kind, page: page + 1, pageSize }, base);

  const csv = useCsvDownload(
    () => exportDeviceLogsCsv(deviceId, { customerId, kind }, base),
    `device-logs-${kind}.csv`,
    (e) => t('devices.exportFailed', { message: deviceErrorMessage(t, e) }),
  );

  return (
    <Box data-testid="device-logs">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Tabs
          value={kind}
          onChange={(_, v: DeviceLogKind) => {
            setKind(v);
            setPage(0);
          }}
          sx={{ flex: 1 }}
        >
          {DEVICE_LOG_KINDS.map((k) => (
            <Tab key={k} value={k} label={t(`devices.logs.kind.${k}`)} />
          ))}
        </Tabs>
        <CsvDownloadButton csv={csv}>{t('devices.exportCsv')}</CsvDownloadButton>
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {t('devices.logs.retention', { count: DEVICE_LOG_RETENTION[kind] })}
      </Typography>
      <CsvDownloadError csv={csv} />
      <QueryTablePanel
        query={logs}
        emptyIcon={<ArticleOutlined fontSize="inherit" />}
        emptyText={t('devices.logs.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t(`devices.logs.kind.${kind}`)}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('devices.col.at')}</TableCell>
                  <TableCell>{t('devices.logs.code')}</TableCell>
                  <TableCell>{t('devices.logs.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((l) => (
                  <TableRow key={l.id} hover data-testid="log-row">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(l.at, lang, timeZone, { seconds: true })}
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{l.code ?? ''}</TableCell>
                    <TableCell>{l.message}</TableCell>
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
