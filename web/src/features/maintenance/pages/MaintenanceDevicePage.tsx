import { useParams } from 'react-router-dom';
import { DEVICE_OPERATIONS } from '@lc/shared';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { BackButton, DetailPageFallback } from '../../../app/components/DetailPageFallback';
import { FactList } from '../../../app/components/FactList';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { DeviceTelemetryTabs } from '../components/DeviceTelemetryTabs';
import { OperationsBlockedNotice } from '../../devices/components/OperationsBlockedNotice';
import { OperationsCard } from '../components/OperationsCard';
import { StatusChip } from '../components/StatusChip';
import { useMaintenanceCommands, useMonitoredDevice } from '../hooks/useMonitoring';
import { statusLabel } from '../maintenanceText';

/** A linked device for its maintaining dealer: status, information, cameras, operations, history, logs. */
export function MaintenanceDevicePage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const { id = '' } = useParams();
  const device = useMonitoredDevice(id);
  // Commands, connection history and logs are remote maintenance: the API refuses them while the
  // device has no licensed camera (SPEC §3), so the page shows why instead of asking.
  const commands = useMaintenanceCommands(id, device.data?.operable === true);

  const back = <BackButton to="/maintenance">{t('maintenance.device.back')}</BackButton>;
  if (device.isPending || device.isError) {
    return <DetailPageFallback back={back} query={device} loadingRows={5} />;
  }
  const d = device.data;
  const facts: Array<[string, string]> = [
    [t('maintenance.device.customer'), d.customerName],
    [t('maintenance.col.type'), t(`maintenance.type.${d.type}`)],
    [t('maintenance.device.model'), d.model],
    [t('maintenance.device.serial'), d.serial],
    [t('maintenance.device.mac'), d.mac],
    [t('maintenance.device.firmware'), d.firmware],
    [t('maintenance.device.lastSeen'), d.lastSeenAt ? fmt(d.lastSeenAt) : t('maintenance.never')],
    [t('maintenance.device.registeredAt'), fmt(d.createdAt)],
    [t('maintenance.device.linkedAt'), fmt(d.linkedAt)],
  ];

  return (
    <Box>
      {back}
      <PageHeader
        title={d.name ?? d.serial}
        subtitle={d.customerName}
        actions={<StatusChip status={d.status} />}
      />
      {d.openIncidents.map((i) => (
        <Alert key={i.kind} severity="warning" sx={{ mb: 2 }}>
          {t('maintenance.device.incident', { kind: statusLabel(t, i.kind), time: fmt(i.openedAt) })}
        </Alert>
      ))}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, mb: 2 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
              {t('maintenance.device.info')}
            </Typography>
            <FactList facts={facts} />
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
              {t('maintenance.device.cameras')}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('maintenance.device.channel')}</TableCell>
                  <TableCell>{t('maintenance.device.name')}</TableCell>
                  <TableCell>{t('maintenance.device.model')}</TableCell>
                  <TableCell>{t('maintenance.device.license')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.cameraList.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>{c.channel}</TableCell>
                    <TableCell>{c.name ?? '—'}</TableCell>
                    <TableCell>{c.model}</TableCell>
                    <TableCell>
                      {c.licensed && c.endsAt ? (
                        <Chip
                          size="small"
                          color="success"
                          variant="outlined"
                          label={t('maintenance.device.licensedUntil', {
                            date: fmt(c.endsAt, { dateOnly: true }),
                          })}
                        />
                      ) : (
                        <Chip size="small" variant="outlined" label={t('maintenance.unlicensed')} />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </Box>
      <OperationsCard device={d} />
      {d.operable ? (
        <>
          <Paper variant="outlined" sx={{ mb: 2, p: 2 }}>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('maintenance.commands.title')}
            </Typography>
            <QueryTablePanel
              query={commands}
              frame="none"
              refetchBar={false}
              loadingRows={2}
              emptyTitle={t('maintenance.commands.empty')}
            >
              {(data) => (
                <Table size="small" data-testid="maintenance-commands">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('maintenance.commands.kind')}</TableCell>
                      <TableCell>{t('maintenance.commands.status')}</TableCell>
                      <TableCell>{t('maintenance.commands.notBefore')}</TableCell>
                      <TableCell>{t('maintenance.commands.createdAt')}</TableCell>
                      <TableCell>{t('maintenance.commands.result')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.map((c) => (
                      <TableRow key={c.id}>
                        <TableCell>
                          {c.kind === 'thumbnail_cache' ? c.kind : t(`maintenance.op.${c.kind}`)}
                        </TableCell>
                        <TableCell>{c.status}</TableCell>
                        <TableCell>{c.notBefore ? fmt(c.notBefore) : '—'}</TableCell>
                        <TableCell>{fmt(c.createdAt)}</TableCell>
                        <TableCell>{c.resultMessage ?? ''}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </QueryTablePanel>
          </Paper>
          <DeviceTelemetryTabs deviceId={d.deviceId} />
        </>
      ) : (
        <OperationsBlockedNotice
          type={d.type}
          state={{
            supported: DEVICE_OPERATIONS[d.type],
            standing: d.licenseState,
            blocked: true,
            lapsedAt: d.lapsedAt,
          }}
        />
      )}
    </Box>
  );
}
