import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  NO_SHARED_PERMISSIONS,
  SHARED_PERMISSION_KEYS,
  SHARED_USER_NAME_MAX,
  emailProblem,
  textProblem,
  type Language,
  type SharedPermissions,
  type SharedUserView,
} from '@lc/shared';
import { isApiError } from '../../../api/ApiError';
import { errorField } from '../../../api/fieldError';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useDevices } from '../../devices/hooks/useDevices';
import { useCreateSharedUser, useUpdateSharedUser } from '../hooks/useSharing';
import { sharingErrorKey } from '../refusal';
import { CameraPicker } from './CameraPicker';

export interface SharedUserDialogProps {
  /** Absent: create a new shared user. */
  user?: SharedUserView;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Create or edit a shared user: name, e-mail (create only), permissions, cameras. */
export function SharedUserDialog({ user, onClose, onDone }: SharedUserDialogProps) {
  const t = useT();
  const devices = useDevices({});
  const create = useCreateSharedUser();
  const update = useUpdateSharedUser();
  const m = user ? update : create;
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Language | ''>('');
  const [perms, setPerms] = useState<SharedPermissions>(user?.permissions ?? NO_SHARED_PERMISSIONS);
  const [cameras, setCameras] = useState<Set<string>>(new Set(user?.cameraIds ?? []));
  const checks = useFieldChecks();
  const problems = {
    name: textProblem(name, { required: true, max: SHARED_USER_NAME_MAX }),
    email: user ? null : emailProblem(email),
  };
  const badField = m.isError ? errorField(m.error) : undefined;
  const errorText = m.isError
    ? (() => {
        const k = sharingErrorKey(m.error);
        return k
          ? t(k, { limit: isApiError(m.error) ? String(m.error.details?.limit ?? '') : '' })
          : apiErrorMessage(t, m.error);
      })()
    : undefined;
  const nameError = badField === 'name' ? errorText : undefined;
  const emailError = badField === 'email' ? errorText : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const cameraIds = [...cameras];
    if (user) {
      update.mutate(
        { id: user.id, name: name.trim(), permissions: perms, cameraIds },
        { onSuccess: () => onDone(t('sharing.saved')) },
      );
    } else {
      create.mutate(
        {
          name: name.trim(),
          email: email.trim(),
          language: language || undefined,
          permissions: perms,
          cameraIds,
        },
        { onSuccess: (r) => onDone(t('sharing.created', { email: r.email })) },
      );
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="shared-user-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="shared-user-title">
          {user ? t('sharing.editTitle', { name: user.name }) : t('sharing.createTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {!user && (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {t('sharing.createIntro')}
              </Typography>
            )}
            {m.isError && !nameError && !emailError && <Alert severity="error">{errorText}</Alert>}
            <TextField
              name="name"
              label={t('sharing.field.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoFocus
              {...checks.props('name', problems.name, nameError)}
            />
            {!user && (
              <TextField
                name="email"
                type="email"
                label={t('sharing.field.email')}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
                {...checks.props('email', problems.email, emailError)}
              />
            )}
            {!user && (
              <TextField
                select
                name="language"
                label={t('sharing.field.language')}
                value={language}
                onChange={(e) => setLanguage(e.target.value as Language)}
              >
                <MenuItem value="ja">{t('sharing.lang.ja')}</MenuItem>
                <MenuItem value="en">{t('sharing.lang.en')}</MenuItem>
              </TextField>
            )}
            <Typography variant="subtitle1" component="h3">
              {t('sharing.permissions')}
            </Typography>
            <FormGroup row>
              <FormControlLabel control={<Checkbox checked disabled />} label={t('sharing.perm.live')} />
              {SHARED_PERMISSION_KEYS.map((k) => (
                <FormControlLabel
                  key={k}
                  control={
                    <Checkbox
                      name={k}
                      checked={perms[k]}
                      onChange={(e) => setPerms({ ...perms, [k]: e.target.checked })}
                    />
                  }
                  label={t(`sharing.perm.${k}`)}
                />
              ))}
            </FormGroup>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('sharing.permNever')}
            </Typography>
            <Typography variant="subtitle1" component="h3">
              {t('sharing.cameras')}
            </Typography>
            {devices.data && <CameraPicker devices={devices.data} selected={cameras} onChange={setCameras} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('sharing.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            loading={m.isPending}
            disabled={problems.name !== null || problems.email !== null}
          >
            {t('sharing.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
