import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Snackbar,
} from '@mui/material';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useHandover } from '../hooks/useHandover';

/**
 * Customers set up with a temporary password: asks at every sign-in whether to reset it now
 * (not inside a proxy session).
 */
export function HandoverDialog() {
  const t = useT();
  const user = useCurrentUser();
  const handover = useHandover();
  const [answered, setAnswered] = useState(false);
  const [sent, setSent] = useState(false);
  const open = user.role === 'customer' && user.handoverPending === true && !user.proxy && !answered;

  const answer = (reset: boolean) =>
    handover.mutate(reset, {
      onSuccess: () => {
        setAnswered(true);
        if (reset) setSent(true);
      },
    });

  return (
    <>
      <Dialog open={open} data-testid="handover-dialog" aria-labelledby="handover-title" maxWidth="sm">
        <DialogTitle id="handover-title">{t('customers.handover.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('customers.handover.body')}</DialogContentText>
          {handover.isError && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {apiErrorMessage(t, handover.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => answer(false)} disabled={handover.isPending}>
            {t('customers.handover.notYet')}
          </Button>
          <Button
            variant="contained"
            onClick={() => answer(true)}
            loading={handover.isPending && handover.variables}
          >
            {t('customers.handover.yes')}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar open={sent} autoHideDuration={8000} onClose={() => setSent(false)}>
        <Alert severity="success" role="status" onClose={() => setSent(false)} data-testid="handover-sent">
          {t('customers.handover.sent')}
        </Alert>
      </Snackbar>
    </>
  );
}
