import type { ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { apiErrorMessage } from '../i18n/apiErrorMessage';
import { useT } from '../i18n/useT';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  confirmDisabled?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks once more before an irreversible step (assign, cancel, payment). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog open={props.open} onClose={props.busy ? undefined : props.onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.children}
        {props.error ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {apiErrorMessage(t, props.error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={props.busy}>
          {t('billing.common.back')}
        </Button>
        <Button
          variant="contained"
          color={props.danger ? 'error' : 'primary'}
          onClick={props.onConfirm}
          disabled={props.busy || props.confirmDisabled}
          data-testid="confirm-dialog-ok"
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
