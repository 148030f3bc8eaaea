import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  CardActions,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import MailOutlined from '@mui/icons-material/MailOutlined';
import { emailProblem } from '@lc/shared';
import { errorField } from '../../../api/fieldError';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { PasswordField } from '../../auth/components/PasswordField';
import { useChangeEmail } from '../hooks/useChangeEmail';

/** Change the sign-in e-mail: password + new address, then a confirmation link is mailed. */
export function ChangeEmailCard() {
  const t = useT();
  const change = useChangeEmail();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const checks = useFieldChecks();
  const newEmailProblem = emailProblem(newEmail);
  const badField = change.isError ? errorField(change.error) : undefined;
  const fieldMessage = (f: string) => (badField === f ? apiErrorMessage(t, change.error) : undefined);
  const close = () => {
    setOpen(false);
    setPassword('');
    checks.reset();
    change.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const email = newEmail.trim();
    change.mutate(
      { password, newEmail: email },
      {
        onSuccess: () => {
          close();
          setNewEmail('');
          setSentTo(email);
        },
      },
    );
  };
  return (
    <Card sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('account.changeEmail.title')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('account.changeEmail.intro')}
        </Typography>
        {sentTo && (
          <Alert severity="info" role="status" onClose={() => setSentTo(null)} sx={{ mt: 2 }}>
            {t('account.changeEmail.sent', { email: sentTo })}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="outlined" startIcon={<MailOutlined />} onClick={() => setOpen(true)}>
          {t('account.changeEmail.button')}
        </Button>
      </CardActions>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="change-email-title">
        <form noValidate onSubmit={onSubmit}>
          <DialogTitle id="change-email-title">{t('account.changeEmail.title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {change.isError && badField !== 'newEmail' && badField !== 'password' && (
                <Alert severity="error">{apiErrorMessage(t, change.error)}</Alert>
              )}
              <TextField
                name="newEmail"
                type="email"
                label={t('account.changeEmail.newEmail')}
                value={newEmail}
                onChange={(e) => setNewEmail(e.target.value)}
                required
                autoFocus
                {...checks.props('newEmail', newEmailProblem, fieldMessage('newEmail'))}
              />
              <PasswordField
                name="password"
                label={t('account.changeEmail.password')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                required
                error={badField === 'password'}
                helperText={fieldMessage('password')}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{t('account.profile.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              loading={change.isPending}
              disabled={!password || newEmailProblem !== null}
            >
              {t('account.changeEmail.submit')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Card>
  );
}
