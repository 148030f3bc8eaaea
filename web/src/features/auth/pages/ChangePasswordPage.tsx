import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Stack } from '@mui/material';
import { checkPassword, ErrorCode } from '@lc/shared';
import { isApiError } from '../../../api/ApiError';
import { PageHeader } from '../../../app/components/PageHeader';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { PasswordField } from '../components/PasswordField';
import { PasswordHints } from '../components/PasswordHints';
import { useChangePassword } from '../hooks/useChangePassword';
import { useCurrentUser } from '../hooks/useSession';

export function ChangePasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const [wasRequired] = useState(() => Boolean(user.mustChangePassword));

  const policy = checkPassword(next, { email: user.email, name: user.name });
  const mismatch = confirm.length > 0 && confirm !== next;
  const sameAsCurrent = next.length > 0 && next === current;
  const canSubmit =
    current.length > 0 && policy.ok && next === confirm && !sameAsCurrent && !change.isPending;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    setDone(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setDone(true);
          if (wasRequired) navigate('/', { replace: true });
        },
      },
    );
  };

  const errorText = (() => {
    const err = change.error;
    if (!err) return null;
    if (isApiError(err) && err.code === ErrorCode.INVALID_CREDENTIALS) return t('password.currentWrong');
    if (isApiError(err) && err.code === ErrorCode.PASSWORD_POLICY) return t('password.policyRefused');
    return apiErrorMessage(t, err);
  })();

  return (
    <Box sx={{ maxWidth: 560 }}>
      <PageHeader title={t('password.title')} subtitle={t('password.subtitle')} />
      <Card>
        <CardContent>
          <Box component="form" noValidate onSubmit={onSubmit} aria-label={t('password.title')}>
            <Stack spacing={2}>
              {user.mustChangePassword && !done && (
                <Alert severity="warning" role="status">
                  {t('password.mustChange')}
                </Alert>
              )}
              {done && (
                <Alert severity="success" role="status">
                  {t('password.changed')}
                </Alert>
              )}
              {errorText && (
                <Alert severity="error" role="alert">
                  {errorText}
                </Alert>
              )}
              <PasswordField
                name="currentPassword"
                label={t('password.current')}
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
                autoComplete="current-password"
                required
                fullWidth
              />
              <PasswordField
                name="newPassword"
                label={t('password.new')}
                value={next}
                onChange={(e) => setNext(e.target.value)}
                autoComplete="new-password"
                required
                fullWidth
                error={sameAsCurrent}
                helperText={sameAsCurrent ? t('password.sameAsCurrent') : undefined}
              />
              <PasswordHints password={next} email={user.email} name={user.name} />
              <PasswordField
                name="confirmPassword"
                label={t('password.confirm')}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                autoComplete="new-password"
                required
                fullWidth
                error={mismatch}
                helperText={mismatch ? t('password.mismatch') : undefined}
              />
              <Box>
                <Button type="submit" variant="contained" disabled={!canSubmit} loading={change.isPending}>
                  {t('password.submit')}
                </Button>
              </Box>
            </Stack>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
