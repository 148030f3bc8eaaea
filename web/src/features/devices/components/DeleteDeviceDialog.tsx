import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import type { DeletionImpact, DeviceView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { PasswordField } from '../../auth/components/PasswordField';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useDeleteDevice, useDeletionImpact } from '../hooks/useDeviceMutations';
import { deletionConfirmed } from '../validation';

export interface DeleteDeviceDialogProps {
  open: boolean;
  device: DeviceView;
  onClose: () => void;
  onDone: (impact: DeletionImpact) => void;
}

/**
 * Deleting a device voids the licenses bound to its cameras (no refund, never reused). Says how
 * many licenses and days are forfeited, and asks for the password and the serial typed again.
 */
export function DeleteDeviceDialog({ open, device, onClose, onDone }: DeleteDeviceDialogProps) {
  const t = useT();
  const impact = useDeletionImpact(device.id, open);
  const remove = useDeleteDevice(device.id);
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const confirmed = deletionConfirmed(typed, device.serial);

  return (
    <Dialog open={open} onClose={remove.isPending ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('devices.delete.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('devices.delete.intro', { serial: device.serial, cameras: device.cameras.length })}
        </Typography>
        {impact.isPending ? (
          <Skeleton variant="rounded" height={56} sx={{ mb: 2 }} />
        ) : impact.isError ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {deviceErrorMessage(t, impact.error)}
          </Alert>
        ) : (
          <Alert
            severity={impact.data.licenses > 0 ? 'warning' : 'info'}
            sx={{ mb: 2 }}
            data-testid="deletion-impact"
          >
            {impact.data.licenses > 0
              ? t('devices.delete.forfeits', {
                  licenses: impact.data.licenses,
                  days: impact.data.daysForfeited,
                })
              : t('devices.delete.forfeitsNothing')}
          </Alert>
        )}
        <PasswordField
          fullWidth
          size="small"
          label={t('devices.delete.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          sx={{ mb: 2 }}
        />
        <TextField
          fullWidth
          size="small"
          label={t('devices.delete.typeSerial', { serial: device.serial })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={typed !== '' && !confirmed}
          helperText={typed !== '' && !confirmed ? t('devices.delete.serialMismatch') : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'delete-confirm-serial' } }}
        />
        {remove.isError && (
          <Alert severity="error" sx={{ mt: 1 }} role="alert">
            {deviceErrorMessage(t, remove.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={remove.isPending}>
          {t('devices.common.cancel')}
        </Button>
        <Button
          variant="contained"
          color="error"
          disabled={!confirmed || !password || !impact.isSuccess}
          loading={remove.isPending}
          onClick={() => remove.mutate(password, { onSuccess: onDone })}
        >
          {t('devices.delete.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
