import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import type { DeviceView } from '@lc/shared';
import type { ExchangeResult } from '../../../api/devices';
import { useT } from '../../../app/i18n/useT';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useExchangeDevice } from '../hooks/useDeviceMutations';
import { exchangeErrors, type ExchangeForm } from '../validation';

export interface ExchangeDialogProps {
  open: boolean;
  device: DeviceView;
  onClose: () => void;
  onDone: (result: ExchangeResult) => void;
}

const FIELDS: Array<keyof ExchangeForm> = ['serial', 'model', 'mac', 'firmware'];

/** Replaces a broken device: the licenses, names and marks of its cameras move to the new one. */
export function ExchangeDialog({ open, device, onClose, onDone }: ExchangeDialogProps) {
  const t = useT();
  const exchange = useExchangeDevice(device.id);
  const [form, setForm] = useState<ExchangeForm>({
    serial: '',
    model: device.model,
    mac: '',
    firmware: device.firmware,
  });
  const [touched, setTouched] = useState<Partial<Record<keyof ExchangeForm, boolean>>>({});
  const errors = exchangeErrors(form, device.serial);
  const valid = Object.keys(errors).length === 0;
  const licensed = device.cameras.filter((c) => c.licensed).length;

  return (
    <Dialog open={open} onClose={exchange.isPending ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('devices.exchange.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {t(device.type === 'recorder' ? 'devices.exchange.introRecorder' : 'devices.exchange.introCamera')}
        </Typography>
        <Alert severity="info" sx={{ mb: 2 }} data-testid="exchange-licenses">
          {t('devices.exchange.licensesMove', { count: licensed })}
        </Alert>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {FIELDS.map((f) => {
            const e = touched[f] ? errors[f] : undefined;
            return (
              <TextField
                key={f}
                size="small"
                required
                label={t(`devices.exchange.field.${f}`)}
                value={form[f]}
                onChange={(ev) => setForm((s) => ({ ...s, [f]: ev.target.value }))}
                onBlur={() => setTouched((s) => ({ ...s, [f]: true }))}
                error={!!e}
                helperText={e ? t(`devices.exchange.error.${e}`) : f === 'mac' ? 'AA:BB:CC:DD:EE:FF' : ' '}
              />
            );
          })}
        </Box>
        {exchange.isError && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {deviceErrorMessage(t, exchange.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={exchange.isPending}>
          {t('devices.common.cancel')}
        </Button>
        <Button
          variant="contained"
          disabled={!valid}
          loading={exchange.isPending}
          onClick={() =>
            exchange.mutate(
              {
                serial: form.serial.trim(),
                model: form.model.trim(),
                mac: form.mac.trim(),
                firmware: form.firmware.trim(),
              },
              { onSuccess: onDone },
            )
          }
        >
          {t('devices.exchange.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
