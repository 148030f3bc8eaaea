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
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PagedFooter } from '../../../app/components/PagedFooter';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useMaintenanceHistory, useMaintenanceLogs } from '../hooks/useMonitoring';

function History({ deviceId }: { deviceId: string }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const [page, setPage] = useState(0);
  const h = useMaintenanceHistory(deviceId, page + 1);
  if (h.isPending) return <LoadingRows rows={4} />;
  if (h.isError) return <ErrorState error={h.error} onRetry={() => void h.refetch()} />;
  if (!h.data.items.length) return <EmptyState title={t('maintenance.history.empty')} />;
  return (
    <>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('maintenance.history.at')}</TableCell>
            <TableCell>{t('maintenance.history.kind')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {h.data.items.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{fmt(e.at)}</TableCell>
              <TableCell>{t(`maintenance.history.kind.${e.kind}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PagedFooter
        count={h.data.total}
        page={page}
        pageSize={h.data.pageSize}
        onPageChange={setPage}
        onPageSizeChange={() => setPage(0)}
        sizes={[h.data.pageSize]}
      />
    </>
  );
}

function Logs({ deviceId }: { deviceId: string }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const [kind, setKind] = useState<DeviceLogKind | ''>('');
  const [page, setPage] = useState(0);
  const l = useMaintenanceLogs(deviceId, kind || undefined, page + 1);
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
      {l.isPending ? (
        <LoadingRows rows={4} />
      ) : l.isError ? (
        <ErrorState error={l.error} onRetry={() => void l.refetch()} />
      ) : !l.data.items.length ? (
        <EmptyState title={t('maintenance.logs.empty')} />
      ) : (
        <>
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
              {l.data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{fmt(e.at)}</TableCell>
                  <TableCell>{t(`maintenance.logs.kind.${e.kind}`)}</TableCell>
                  <TableCell>{e.code ?? ''}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <PagedFooter
            count={l.data.total}
            page={page}
            pageSize={l.data.pageSize}
            onPageChange={setPage}
            onPageSizeChange={() => setPage(0)}
            sizes={[l.data.pageSize]}
          />
        </>
      )}
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
