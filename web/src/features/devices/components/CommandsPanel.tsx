import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import TerminalOutlined from '@mui/icons-material/TerminalOutlined';
import {
  FIRMWARE_VERSION_MAX,
  textProblem,
  type DeviceCommandKind,
  type DeviceCommandView,
  type DeviceView,
} from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import type { CommandBody } from '../../../api/devices';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useCancelFirmwareReservation, useCommands, useCreateCommand } from '../hooks/useDeviceMutations';
import { deviceOperations, pendingReservation } from '../operations';
import { OperationsBlockedNotice } from './OperationsBlockedNotice';
import { localInputToIso, reservationError } from '../validation';

const STATUS_COLORS: Record<DeviceCommandView['status'], 'default' | 'info' | 'success' | 'error'> = {
  pending: 'default',
  delivered: 'info',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** What a queued command does, in words (payload included). */
function commandLabel(t: ReturnType<typeof useT>, c: Pick<DeviceCommandView, 'kind' | 'payload'>): string {
  if (c.kind === 'thumbnail_cache') {
    return t(c.payload.enabled === false ? 'devices.command.thumbnailOff' : 'devices.command.thumbnailOn');
  }
  if (c.kind === 'firmware_update' && typeof c.payload.version === 'string' && c.payload.version) {
    return t('devices.command.firmwareTo', { version: c.payload.version });
  }
  return t(`devices.command.kind.${c.kind}`);
}

export interface CommandsPanelProps {
  device: Pick<DeviceView, 'id' | 'type' | 'cameras'>;
  timeZone?: string;
}

/**
 * Queue commands for the device (delivered with its next heartbeat) and follow their results.
 * Offers only what the device type supports, and explains why everything is off while the device
 * has no valid license (the API refuses it too, SPEC §3).
 */
export function CommandsPanel({ device, timeZone }: CommandsPanelProps) {
  const t = useT();
  const { lang } = useLang();
  const deviceId = device.id;
  const ops = deviceOperations(device);
  const supports = (k: DeviceCommandKind) => ops.supported.includes(k);
  const commands = useCommands(deviceId);
  const create = useCreateCommand(deviceId);
  const cancel = useCancelFirmwareReservation(deviceId);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const reserved = pendingReservation(commands.data);
  const [asking, setAsking] = useState<CommandBody | null>(null);
  const [queued, setQueued] = useState<DeviceCommandKind | null>(null);
  const [fwAt, setFwAt] = useState('');
  const [fwVersion, setFwVersion] = useState('');
  const checks = useFieldChecks();
  const versionProblem = textProblem(fwVersion, { max: FIRMWARE_VERSION_MAX });
  const fwError = fwAt ? reservationError(fwAt, new Date()) : null;
  const fmt = (iso: string | null) => (iso ? formatDateTime(iso, lang, timeZone) : '—');

  const ask = (body: CommandBody) => {
    create.reset();
    setQueued(null);
    setAsking(body);
  };
  const confirm = () => {
    if (!asking) return;
    create.mutate(asking, {
      onSuccess: (c) => {
        setAsking(null);
        setQueued(c.kind);
        if (c.kind === 'firmware_update') {
          setFwAt('');
          setFwVersion('');
        }
      },
    });
  };

  const opButton = (kind: DeviceCommandKind, body: CommandBody, label: string) =>
    supports(kind) && (
      <Button variant="outlined" disabled={ops.blocked} onClick={() => ask(body)}>
        {label}
      </Button>
    );

  return (
    <Box data-testid="commands-panel">
      {ops.blocked && <OperationsBlockedNotice type={device.type} state={ops} timeZone={timeZone} />}
      {device.type === 'camera' && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="camera-only-restart">
          {t('devices.ops.cameraOnlyRestart')}
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: supports('firmware_update') ? '1fr 1fr' : '1fr' },
          mb: 2,
        }}
      >
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
              {t('devices.command.operations')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              {opButton('restart', { kind: 'restart' }, t('devices.command.kind.restart'))}
              {opButton('alarm_reset', { kind: 'alarm_reset' }, t('devices.command.kind.alarm_reset'))}
              {opButton(
                'error_recovery',
                { kind: 'error_recovery' },
                t('devices.command.kind.error_recovery'),
              )}
              {opButton(
                'thumbnail_cache',
                { kind: 'thumbnail_cache', payload: { enabled: true } },
                t('devices.command.thumbnailOn'),
              )}
              {opButton(
                'thumbnail_cache',
                { kind: 'thumbnail_cache', payload: { enabled: false } },
                t('devices.command.thumbnailOff'),
              )}
            </Box>
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
              {t('devices.command.nextHeartbeat')}
            </Typography>
          </CardContent>
        </Card>
        {supports('firmware_update') && (
          <Card variant="outlined">
            <CardContent>
              <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
                {t('devices.command.firmwareTitle')}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                <TextField
                  size="small"
                  type="datetime-local"
                  label={t('devices.command.firmwareAt')}
                  value={fwAt}
                  onChange={(e) => setFwAt(e.target.value)}
                  disabled={ops.blocked}
                  error={!!fwError}
                  helperText={
                    fwError
                      ? t(`devices.command.reservation.${fwError}`)
                      : t('devices.command.firmwareAtHelp')
                  }
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'firmware-at' } }}
                />
                <TextField
                  size="small"
                  label={t('devices.command.firmwareVersion')}
                  name="firmwareVersion"
                  value={fwVersion}
                  onChange={(e) => setFwVersion(e.target.value)}
                  disabled={ops.blocked}
                  {...checks.props('firmwareVersion', versionProblem)}
                />
                <Button
                  variant="contained"
                  disabled={ops.blocked || !fwAt || !!fwError || versionProblem !== null}
                  onClick={() =>
                    ask({
                      kind: 'firmware_update',
                      at: localInputToIso(fwAt),
                      payload: fwVersion.trim() ? { version: fwVersion.trim() } : undefined,
                    })
                  }
                >
                  {t('devices.command.firmwareReserve')}
                </Button>
              </Box>
              {reserved && (
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
                  <Typography variant="body2" data-testid="firmware-reserved">
                    {t('devices.command.reserved', { at: fmt(reserved.notBefore) })}
                  </Typography>
                  <Button
                    size="small"
                    color="warning"
                    onClick={() => {
                      cancel.reset();
                      setCancelled(false);
                      setCancelling(true);
                    }}
                  >
                    {t('devices.command.cancelReservation')}
                  </Button>
                </Box>
              )}
            </CardContent>
          </Card>
        )}
      </Box>
      {cancelled && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setCancelled(false)}>
          {t('devices.command.cancelled')}
        </Alert>
      )}
      {queued && (
        <Alert
          severity="success"
          role="status"
          sx={{ mb: 2 }}
          onClose={() => setQueued(null)}
          data-testid="command-queued"
        >
          {t('devices.command.queued', { kind: t(`devices.command.kind.${queued}`) })}
        </Alert>
      )}
      <QueryTablePanel
        query={commands}
        loadingRows={3}
        refetchBar={false}
        emptyIcon={<TerminalOutlined fontSize="inherit" />}
        emptyText={t('devices.command.empty')}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t('devices.command.listTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('devices.command.col.command')}</TableCell>
                  <TableCell>{t('devices.command.col.status')}</TableCell>
                  <TableCell>{t('devices.command.col.createdAt')}</TableCell>
                  <TableCell>{t('devices.command.col.notBefore')}</TableCell>
                  <TableCell>{t('devices.command.col.deliveredAt')}</TableCell>
                  <TableCell>{t('devices.command.col.completedAt')}</TableCell>
                  <TableCell>{t('devices.command.col.result')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((c) => (
                  <TableRow key={c.id} data-testid="command-row">
                    <TableCell>{commandLabel(t, c)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={STATUS_COLORS[c.status]}
                        label={t(`devices.command.status.${c.status}`)}
                      />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(c.createdAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(c.notBefore)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(c.deliveredAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(c.completedAt)}</TableCell>
                    <TableCell>{c.resultMessage ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      <ConfirmDialog
        open={cancelling && reserved !== null}
        title={t('devices.command.cancelReservation')}
        confirmLabel={t('devices.command.cancelReservation')}
        busy={cancel.isPending}
        onClose={() => setCancelling(false)}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setCancelling(false);
              setCancelled(true);
            },
          })
        }
      >
        <Typography variant="body2">
          {t('devices.command.cancelConfirm', { at: fmt(reserved?.notBefore ?? null) })}
        </Typography>
        {cancel.isError && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {deviceErrorMessage(t, cancel.error)}
          </Alert>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? commandLabel(t, { kind: asking.kind, payload: asking.payload ?? {} }) : ''}
        confirmLabel={t('devices.command.send')}
        busy={create.isPending}
        onClose={() => setAsking(null)}
        onConfirm={confirm}
      >
        {asking && (
          <Typography variant="body2">
            {asking.kind === 'firmware_update'
              ? t('devices.command.confirm.firmware_update', { at: fmt(asking.at ?? null) })
              : t(`devices.command.confirm.${asking.kind}`)}
          </Typography>
        )}
        {create.isError && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {deviceErrorMessage(t, create.error)}
          </Alert>
        )}
      </ConfirmDialog>
    </Box>
  );
}
