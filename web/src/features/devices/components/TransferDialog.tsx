import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { TRANSFER_REASON_MAX, textProblem, type CameraView } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { formatDaysLeft } from '../daysLeft';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useDevices } from '../hooks/useDevices';
import { useTransferLicense } from '../hooks/useDeviceMutations';
import { cameraDisplayName, deviceDisplayName } from '../tree';

export interface TransferDialogProps {
  open: boolean;
  camera: CameraView;
  timeZone?: string;
  onClose: () => void;
  onDone: (targetName: string) => void;
}

/**
 * Moves the camera's license to another camera of the same kind without a license. The license
 * keeps its end date; the source can be marked "do not license" in the same step.
 */
export function TransferDialog({ open, camera, timeZone, onClose, onDone }: TransferDialogProps) {
  const t = useT();
  const { lang } = useLang();
  const devices = useDevices({});
  const transfer = useTransferLicense();
  const [target, setTarget] = useState('');
  const [markSource, setMarkSource] = useState(true);
  const [reason, setReason] = useState('');
  const checks = useFieldChecks();
  const reasonProblem = textProblem(reason, { max: TRANSFER_REASON_MAX });

  const candidates = (devices.data ?? []).flatMap((d) =>
    d.cameras
      .filter((c) => c.id !== camera.id && c.kind === camera.kind)
      .map((c) => ({ camera: c, label: `${deviceDisplayName(d)} › ${cameraDisplayName(t, c)}` })),
  );
  const chosen = candidates.find((c) => c.camera.id === target);
  const endsOn = camera.endsAt ? formatDateTime(camera.endsAt, lang, timeZone, { dateOnly: true }) : '';

  const submit = () => {
    if (!camera.licenseId || !chosen || reasonProblem) return;
    transfer.mutate(
      {
        licenseId: camera.licenseId,
        toCameraId: chosen.camera.id,
        doNotLicenseSource: markSource,
        reason: reason.trim() || undefined,
      },
      { onSuccess: () => onDone(chosen.label) },
    );
  };

  return (
    <Dialog open={open} onClose={transfer.isPending ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('devices.transfer.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('devices.transfer.intro', { kind: t(`licenses.kind.${camera.kind}`) })}
        </Typography>
        {devices.isError && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {deviceErrorMessage(t, devices.error)}
          </Alert>
        )}
        {devices.isSuccess && candidates.length === 0 ? (
          <Alert severity="info" data-testid="transfer-no-target">
            {t('devices.transfer.noTarget')}
          </Alert>
        ) : (
          <TextField
            select
            fullWidth
            label={t('devices.transfer.target')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            disabled={!devices.isSuccess}
            helperText={t('devices.transfer.targetHelp')}
          >
            {candidates.map((c) => (
              <MenuItem key={c.camera.id} value={c.camera.id} disabled={c.camera.licensed}>
                {c.label}
                {c.camera.licensed ? ` — ${t('devices.transfer.hasLicense')}` : ''}
              </MenuItem>
            ))}
          </TextField>
        )}
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Checkbox checked={markSource} onChange={(e) => setMarkSource(e.target.checked)} />}
          label={t('devices.transfer.markSource', { name: cameraDisplayName(t, camera) })}
        />
        <TextField
          fullWidth
          size="small"
          sx={{ mt: 1 }}
          name="reason"
          label={t('devices.transfer.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...checks.props('reason', reasonProblem)}
        />
        {chosen && (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="transfer-confirmation">
            {t('devices.transfer.keepsEnd', {
              target: chosen.label,
              date: endsOn,
              days: formatDaysLeft(t, camera.daysLeft),
            })}
            {!markSource && ` ${t('devices.transfer.sourceMayRebind')}`}
          </Alert>
        )}
        {transfer.isError && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {deviceErrorMessage(t, transfer.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={transfer.isPending}>
          {t('devices.common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={!chosen || reasonProblem !== null}
          loading={transfer.isPending}
        >
          {t('devices.transfer.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
