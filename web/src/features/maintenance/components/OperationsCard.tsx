import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Divider,
  TextField,
  Typography,
} from '@mui/material';
import { deviceSupports, type MaintenanceDeviceDetail, type MaintenanceOperation } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { useQueueMaintenanceCommand } from '../hooks/useMonitoring';
import { maintenanceErrorMessage } from '../maintenanceText';

const IMMEDIATE: Exclude<MaintenanceOperation, 'firmware_update'>[] = [
  'restart',
  'alarm_reset',
  'error_recovery',
];

/** Restart, alarm reset, error recovery (confirmed) and a firmware reservation; disabled with the reason when unlicensed. */
export function OperationsCard({ device }: { device: MaintenanceDeviceDetail }) {
  const t = useT();
  const queue = useQueueMaintenanceCommand(device.deviceId);
  const [confirm, setConfirm] = useState<MaintenanceOperation | null>(null);
  const [fwAt, setFwAt] = useState('');
  const [fwVersion, setFwVersion] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const blocked = !device.operable;
  const name = device.name ?? device.serial;
  const fwDate = fwAt ? new Date(fwAt) : null;
  const fwFuture = fwDate !== null && !Number.isNaN(fwDate.getTime()) && fwDate.getTime() > Date.now();

  const send = (kind: MaintenanceOperation) => {
    const body =
      kind === 'firmware_update'
        ? {
            kind,
            at: fwDate!.toISOString(),
            ...(fwVersion.trim() ? { payload: { version: fwVersion.trim() } } : {}),
          }
        : { kind };
    queue.mutate(body, {
      onSuccess: () => {
        setConfirm(null);
        setDone(t('maintenance.op.queued', { op: t(`maintenance.op.${kind}`) }));
        if (kind === 'firmware_update') setFwAt('');
      },
      onError: () => setConfirm(null),
    });
  };

  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('maintenance.device.operations')}
        </Typography>
        {blocked && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="operations-blocked">
            {t('maintenance.device.blocked')}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status" onClose={() => setDone(null)} sx={{ mb: 2 }}>
            {done}
          </Alert>
        )}
        {queue.isError && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {maintenanceErrorMessage(t, queue.error)}
          </Alert>
        )}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {IMMEDIATE.filter((k) => deviceSupports(device.type, k)).map((k) => (
            <Button
              key={k}
              variant="outlined"
              disabled={blocked}
              title={blocked ? t('maintenance.device.blocked') : undefined}
              onClick={() => {
                queue.reset();
                setConfirm(k);
              }}
            >
              {t(`maintenance.op.${k}`)}
            </Button>
          ))}
        </Box>
        {deviceSupports(device.type, 'firmware_update') && (
          <>
            <Divider sx={{ my: 2 }} />
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {t('maintenance.fw.title')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <TextField
                size="small"
                type="datetime-local"
                label={t('maintenance.fw.at')}
                value={fwAt}
                disabled={blocked}
                onChange={(e) => setFwAt(e.target.value)}
                error={fwAt !== '' && !fwFuture}
                helperText={fwAt !== '' && !fwFuture ? t('maintenance.fw.future') : undefined}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                size="small"
                label={t('maintenance.fw.version')}
                value={fwVersion}
                disabled={blocked}
                onChange={(e) => setFwVersion(e.target.value)}
              />
              <Button
                variant="outlined"
                disabled={blocked || !fwFuture}
                title={blocked ? t('maintenance.device.blocked') : undefined}
                onClick={() => {
                  queue.reset();
                  setConfirm('firmware_update');
                }}
              >
                {t('maintenance.fw.reserve')}
              </Button>
            </Box>
          </>
        )}
      </CardContent>
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="op-confirm-title">
        <DialogTitle id="op-confirm-title">
          {confirm && t('maintenance.op.confirmTitle', { op: t(`maintenance.op.${confirm}`), device: name })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{t('maintenance.op.confirmBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)}>{t('maintenance.op.cancel')}</Button>
          <Button variant="contained" loading={queue.isPending} onClick={() => confirm && send(confirm)}>
            {t('maintenance.op.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
