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
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { charLength, RENEWAL_NOTE_MAX, renewalRequestable, textProblem, type CameraView } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useMyDealer } from '../hooks/useMyDealer';
import { useCreateRenewalRequest, useRenewalRequests } from '../hooks/useRenewalRequests';

/**
 * On the customer's camera page: its dealer (name and phone), the state of the latest renewal
 * request of this camera, and "Request renewal" while the license ends within 90 days or is gone.
 */
export function RequestRenewalCard({ camera, now = new Date() }: { camera: CameraView; now?: Date }) {
  const t = useT();
  const format = useFormatDateTime();
  const dealer = useMyDealer();
  const requests = useRenewalRequests();
  const create = useCreateRenewalRequest();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);

  const latest = requests.data?.find((r) => r.cameraId === camera.id);
  const endsAt = camera.licensed && camera.endsAt ? new Date(camera.endsAt) : null;
  const due = renewalRequestable(endsAt, now);
  const checks = useFieldChecks();
  const noteProblem = textProblem(note, { max: RENEWAL_NOTE_MAX });
  const noteChecks = checks.props('note', noteProblem);
  const dealerName = dealer.data?.companyName;

  const submit = () =>
    create.mutate(
      { cameraId: camera.id, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setOpen(false);
          setNote('');
          setSent(true);
        },
      },
    );

  return (
    <Card variant="outlined" data-testid="renewal-card">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('renewalRequests.dealerTitle')}
        </Typography>
        {dealer.data && (
          <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="my-dealer">
            {dealer.data.phone
              ? t('renewalRequests.dealerWithPhone', {
                  dealer: dealer.data.companyName,
                  phone: dealer.data.phone,
                })
              : dealer.data.companyName}
          </Typography>
        )}
        {sent && (
          <Alert severity="success" role="status" sx={{ mb: 1.5 }} onClose={() => setSent(false)}>
            {t('renewalRequests.sent')}
          </Alert>
        )}
        {latest?.status === 'open' ? (
          <Alert severity="info" data-testid="renewal-state">
            {t('renewalRequests.stateOpen', { date: format(latest.createdAt) })}
          </Alert>
        ) : (
          <>
            {latest?.status === 'handled' && latest.handledAt && (
              <Alert severity="success" sx={{ mb: 1.5 }} data-testid="renewal-state">
                {t('renewalRequests.stateHandled', { date: format(latest.handledAt) })}
              </Alert>
            )}
            {due ? (
              <Button variant="contained" onClick={() => setOpen(true)} disabled={requests.isPending}>
                {t('renewalRequests.request')}
              </Button>
            ) : (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {t('renewalRequests.notYet')}
              </Typography>
            )}
          </>
        )}
      </CardContent>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{t('renewalRequests.requestTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {dealerName
              ? t('renewalRequests.requestIntro', { dealer: dealerName })
              : t('renewalRequests.requestIntroNoDealer')}
          </Typography>
          {create.isError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {apiErrorMessage(t, create.error)}
            </Alert>
          )}
          <TextField
            label={t('renewalRequests.noteLabel')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            name="note"
            {...noteChecks}
            helperText={
              noteChecks.helperText ??
              t('renewalRequests.noteHelp', { max: RENEWAL_NOTE_MAX, count: charLength(note.trim()) })
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('renewalRequests.cancel')}</Button>
          <Box sx={{ flex: 'none' }}>
            <Button
              variant="contained"
              onClick={submit}
              disabled={noteProblem !== null}
              loading={create.isPending}
            >
              {t('renewalRequests.send')}
            </Button>
          </Box>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
