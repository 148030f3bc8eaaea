import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Paper, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import SwapHorizontalCircleOutlined from '@mui/icons-material/SwapHorizontalCircleOutlined';
import type { DeletionImpact } from '@lc/shared';
import type { ExchangeResult } from '../../../api/devices';
import { FactList } from '../../../app/components/FactList';
import { BackButton, DetailPageFallback } from '../../../app/components/DetailPageFallback';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { CamerasTable } from '../components/CamerasTable';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { CommandsPanel } from '../components/CommandsPanel';
import { ConnectionHistoryTable } from '../components/ConnectionHistoryTable';
import { DeleteDeviceDialog } from '../components/DeleteDeviceDialog';
import { DeviceLogsPanel } from '../components/DeviceLogsPanel';
import { DeviceStatusChip } from '../components/DeviceStatusChip';
import { ExchangeDialog } from '../components/ExchangeDialog';
import { useDevice } from '../hooks/useDevices';
import { useDeviceScope } from '../hooks/useDeviceScope';
import { devicePath } from '../paths';
import { deviceDisplayName } from '../tree';

type TabName = 'cameras' | 'commands' | 'history' | 'logs';

/** Where the device page came from after an exchange (the old device's page is gone). */
export interface DeviceLocationState {
  exchanged?: ExchangeResult;
  deleted?: DeletionImpact & { serial: string };
}

/** One device: information, cameras, commands, connection history, logs, exchange and deletion. */
export function DeviceDetailPage() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const scope = useDeviceScope();
  /** A shared user sees the device's shared cameras only: no management, history or logs. */
  const sharedUser = useCurrentUser().role === 'shared_user';
  const device = useDevice(id, scope);
  const [tab, setTab] = useState<TabName>('cameras');
  const [dialog, setDialog] = useState<'exchange' | 'delete' | null>(null);
  const exchanged = (location.state as DeviceLocationState | null)?.exchanged;

  const listPath = scope.customerId ? `/customers/${scope.customerId}?tab=devices` : '/devices';
  const back = <BackButton to={listPath}>{t('devices.detail.back')}</BackButton>;
  if (device.isPending || device.isError) {
    return <DetailPageFallback back={back} query={device} loadingRows={4} />;
  }
  const d = device.data;
  const fmt = (iso: string | null) => (iso ? formatDateTime(iso, lang, scope.timeZone) : '—');
  const deleteButton = (
    <Button
      color="error"
      variant="outlined"
      startIcon={<DeleteOutline />}
      onClick={() => setDialog('delete')}
      disabled={scope.proxy}
    >
      {t('devices.delete.open')}
    </Button>
  );

  return (
    <Box>
      {back}
      <PageHeader
        title={deviceDisplayName(d)}
        subtitle={t(d.type === 'recorder' ? 'devices.type.recorder' : 'devices.type.camera')}
        actions={
          scope.readOnly ? undefined : (
            <>
              <Button
                variant="outlined"
                startIcon={<SwapHorizontalCircleOutlined />}
                onClick={() => setDialog('exchange')}
              >
                {t('devices.exchange.open')}
              </Button>
              {scope.proxy ? (
                <Tooltip title={t('devices.delete.notInProxy')}>
                  <span>{deleteButton}</span>
                </Tooltip>
              ) : (
                deleteButton
              )}
            </>
          )
        }
      />
      {scope.readOnly && !sharedUser && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only-note">
          {t('devices.readOnly')}
        </Alert>
      )}
      {exchanged && exchanged.deviceId === d.id && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} data-testid="exchange-done">
          {t('devices.exchange.done', { count: exchanged.movedLicenses })}
          <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
            {t('devices.exchange.credential')}{' '}
            <Box component="code" sx={{ wordBreak: 'break-all' }}>
              {exchanged.credential}
            </Box>
          </Box>
        </Alert>
      )}
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <FactList
            facts={[
              [t('devices.col.status'), <DeviceStatusChip key="s" status={d.status} />],
              [
                t('devices.detail.lastSeen'),
                d.lastSeenAt ? fmt(d.lastSeenAt) : t('devices.tree.neverSeen'),
                'device-last-seen',
              ],
              [t('devices.col.serial'), d.serial, 'device-serial'],
              [t('devices.col.model'), d.model],
              [t('devices.detail.mac'), d.mac],
              [t('devices.detail.firmware'), d.firmware],
              [t('devices.detail.registeredAt'), fmt(d.createdAt)],
            ]}
          />
        </CardContent>
      </Card>
      <Tabs value={tab} onChange={(_, v: TabName) => setTab(v)} sx={{ mb: 2 }} variant="scrollable">
        <Tab value="cameras" label={t('devices.detail.tabCameras', { count: d.cameras.length })} />
        {!scope.readOnly && <Tab value="commands" label={t('devices.detail.tabCommands')} />}
        {!scope.readOnly && !sharedUser && <Tab value="history" label={t('devices.detail.tabHistory')} />}
        {!scope.readOnly && !sharedUser && <Tab value="logs" label={t('devices.detail.tabLogs')} />}
      </Tabs>
      {scope.readOnly && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="dealer-telemetry-note">
          {t('devices.dealerTelemetry')}
        </Alert>
      )}
      {tab === 'cameras' && (
        <Paper variant="outlined">
          <CamerasTable cameras={d.cameras} timeZone={scope.timeZone} customerId={scope.customerId} />
        </Paper>
      )}
      {tab === 'commands' && !scope.readOnly && <CommandsPanel device={d} timeZone={scope.timeZone} />}
      {tab === 'history' && !scope.readOnly && (
        <ConnectionHistoryTable deviceId={d.id} customerId={scope.customerId} timeZone={scope.timeZone} />
      )}
      {tab === 'logs' && !scope.readOnly && (
        <DeviceLogsPanel deviceId={d.id} customerId={scope.customerId} timeZone={scope.timeZone} />
      )}
      {dialog === 'exchange' && (
        <ExchangeDialog
          open
          device={d}
          onClose={() => setDialog(null)}
          onDone={(result) => {
            setDialog(null);
            void navigate(devicePath(result.deviceId, scope.customerId), {
              state: { exchanged: result } satisfies DeviceLocationState,
            });
          }}
        />
      )}
      {dialog === 'delete' && (
        <DeleteDeviceDialog
          open
          device={d}
          onClose={() => setDialog(null)}
          onDone={(impact) => {
            setDialog(null);
            void navigate(listPath, {
              state: { deleted: { ...impact, serial: d.serial } } satisfies DeviceLocationState,
            });
          }}
        />
      )}
      <Typography variant="caption" sx={{ display: 'block', mt: 2, color: 'text.secondary' }}>
        {t('devices.detail.idLine', { id: d.id })}
      </Typography>
    </Box>
  );
}
