import { useState } from 'react';
import {
  Box,
  MenuItem,
  Paper,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
} from '@mui/material';
import { DEVICE_LOG_KINDS, type DeviceLogKind } from '@lc/shared';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useMaintenanceHistory, useMaintenanceLogs } from '../hooks/useMonitoring';

function History({ deviceId }: { deviceId: string }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const [page, setPage] = useState(0);
  const h = useMaintenanceHistory(deviceId, page + 1);
  const pageSize = h.data?.pageSize ?? 50;
  return (
    <QueryTablePanel
      query={h}
      frame="none"
      refetchBar={false}
      loadingRows={4}
      emptyTitle={t('maintenance.history.empty')}
      paging={{
        page,
        pageSize,
        onPageChange: setPage,
        onPageSizeChange: () => setPage(0),
        sizes: [pageSize],
      }}
    >
      {(data) => (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('maintenance.history.at')}</TableCell>
              <TableCell>{t('maintenance.history.kind')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{fmt(e.at)}</TableCell>
                <TableCell>{t(`maintenance.history.kind.${e.kind}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </QueryTablePanel>
  );
}

function Logs({ deviceId }: { deviceId: string }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const [kind, setKind] = useState<DeviceLogKind | ''>('');
  const [page, setPage] = useState(0);
  const l = useMaintenanceLogs(deviceId, kind || undefined, page + 1);
  const pageSize = l.data?.pageSize ?? 50;
  return (
    <>
      <TextField
        select
        size="small"
        label={t('maintenance.logs.kind')}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as DeviceLogKind | '');
          setPage(0);
        }}
        sx={{ minWidth: 180, mb: 2 }}
      >
        <MenuItem value="">{t('maintenance.logs.all')}</MenuItem>
        {DEVICE_LOG_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`maintenance.logs.kind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <QueryTablePanel
        query={l}
        frame="none"
        refetchBar={false}
        loadingRows={4}
        emptyTitle={t('maintenance.logs.empty')}
        paging={{
          page,
          pageSize,
          onPageChange: setPage,
          onPageSizeChange: () => setPage(0),
          sizes: [pageSize],
        }}
      >
        {(data) => (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('maintenance.history.at')}</TableCell>
                <TableCell>{t('maintenance.logs.kind')}</TableCell>
                <TableCell>{t('maintenance.logs.code')}</TableCell>
                <TableCell>{t('maintenance.logs.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{fmt(e.at)}</TableCell>
                  <TableCell>{t(`maintenance.logs.kind.${e.kind}`)}</TableCell>
                  <TableCell>{e.code ?? ''}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryTablePanel>
    </>
  );
}

/** Connection history and device logs of a linked device. */
export function DeviceTelemetryTabs({ deviceId }: { deviceId: string }) {
  const t = useT();
  const [tab, setTab] = useState<'history' | 'logs'>('history');
  return (
    <Paper variant="outlined">
      <Tabs value={tab} onChange={(_, v: 'history' | 'logs') => setTab(v)} sx={{ px: 2 }}>
        <Tab value="history" label={t('maintenance.tab.history')} />
        <Tab value="logs" label={t('maintenance.tab.logs')} />
      </Tabs>
      <Box sx={{ p: 2 }}>
        {tab === 'history' ? <History deviceId={deviceId} /> : <Logs deviceId={deviceId} />}
      </Box>
    </Paper>
  );
}
