import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { emailProblem, ErrorCode } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { isApiError } from '../../../api/ApiError';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useUpdateCustomer } from '../hooks/useUpdateCustomer';

export interface EditCustomerEmailDialogProps {
  open: boolean;
  customerId: string;
  email: string;
  onClose: () => void;
  onSaved: () => void;
}

export function EditCustomerEmailDialog({
  open,
  customerId,
  email,
  onClose,
  onSaved,
}: EditCustomerEmailDialogProps) {
  const t = useT();
  const update = useUpdateCustomer(customerId);
  const [value, setValue] = useState(email);
  const checks = useFieldChecks();
  const problem = emailProblem(value);
  const locked = isApiError(update.error) && update.error.code === ErrorCode.EMAIL_LOCKED_AFTER_ASSIGNMENT;
  const close = () => {
    update.reset();
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ email: value.trim() }, { onSuccess: onSaved });
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="edit-email-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="edit-email-title">{t('customers.detail.editEmailTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('customers.detail.editEmailIntro')}
            </Typography>
            {update.isError && (
              <Alert severity="error">
                {locked ? t('customers.detail.emailLocked') : apiErrorMessage(t, update.error)}
              </Alert>
            )}
            <TextField
              name="email"
              type="email"
              label={t('customers.field.email')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
              autoFocus
              {...checks.props('email', problem)}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('customers.common.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            loading={update.isPending}
            disabled={problem !== null || value.trim() === email || locked}
          >
            {t('customers.common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
