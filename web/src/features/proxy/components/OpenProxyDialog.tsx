import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { PROXY_REASON_MAX, PROXY_SESSION_MINUTES, textProblem } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useOpenProxySession } from '../hooks/useOpenProxySession';

const DURATIONS = [15, 30, 60, 120, 240, PROXY_SESSION_MINUTES.max] as const;

export interface OpenProxyDialogProps {
  open: boolean;
  customerId: string;
  customerName: string;
  onClose: () => void;
}

export function OpenProxyDialog({ open, customerId, customerName, onClose }: OpenProxyDialogProps) {
  const t = useT();
  const openSession = useOpenProxySession();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number>(PROXY_SESSION_MINUTES.default);
  const checks = useFieldChecks();
  const reasonProblem = textProblem(reason, { required: true, max: PROXY_REASON_MAX });
  const reasonChecks = checks.props('reason', reasonProblem);
  const close = () => {
    openSession.reset();
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    openSession.mutate({ customerId, reason: reason.trim(), minutes });
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="open-proxy-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="open-proxy-title">{t('proxy.open.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('proxy.open.intro', { name: customerName })}
            </Typography>
            {openSession.isError && <Alert severity="error">{apiErrorMessage(t, openSession.error)}</Alert>}
            <TextField
              name="reason"
              label={t('proxy.open.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              autoFocus
              multiline
              minRows={2}
              {...reasonChecks}
              helperText={reasonChecks.helperText ?? t('proxy.open.reasonHelp')}
            />
            <TextField
              select
              name="minutes"
              label={t('proxy.open.duration')}
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
            >
              {DURATIONS.map((m) => (
                <MenuItem key={m} value={m}>
                  {m < 60
                    ? t('proxy.open.minutes', { minutes: m })
                    : t('proxy.open.hours', { hours: m / 60 })}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('proxy.common.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            loading={openSession.isPending}
            disabled={reasonProblem !== null}
          >
            {t('proxy.open.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
