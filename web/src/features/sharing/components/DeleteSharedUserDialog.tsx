import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import type { SharedUserView } from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useDeleteSharedUser } from '../hooks/useSharing';
import { sharingErrorKey } from '../refusal';

/** Deleting a shared user needs the contract holder's password (seed 001 §4.3.3). */
export function DeleteSharedUserDialog({
  user,
  onClose,
  onDone,
}: {
  user: SharedUserView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const del = useDeleteSharedUser();
  const [password, setPassword] = useState('');
  const k = del.isError ? sharingErrorKey(del.error) : undefined;
  const error = del.isError ? (k ? t(k) : apiErrorMessage(t, del.error)) : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    del.mutate(
      { id: user.id, password },
      { onSuccess: () => onDone(t('sharing.deleted', { name: user.name })) },
    );
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-shared-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="delete-shared-title">{t('sharing.deleteTitle', { name: user.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('sharing.deleteBody', { name: user.name })}</DialogContentText>
          <TextField
            name="password"
            type="password"
            label={t('sharing.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            fullWidth
            required
            error={!!error}
            helperText={error}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('sharing.cancel')}</Button>
          <Button
            type="submit"
            color="error"
            variant="contained"
            loading={del.isPending}
            disabled={!password}
          >
            {t('sharing.delete')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
