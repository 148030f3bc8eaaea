import { useState, type FormEvent } from 'react';
import {
  Link as RouterLink,
  Navigate,
  useLocation,
  useNavigate,
  useSearchParams,
  type Location,
} from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { useT } from '../../../app/i18n/useT';
import { usePublicConfig } from '../../config/hooks/usePublicConfig';
import { CHANGE_PASSWORD_PATH } from '../components/RequireAuth';
import { LoginErrorAlert } from '../components/LoginErrorAlert';
import { PasswordField } from '../components/PasswordField';
import { PasswordPolicyHint } from '../components/PasswordPolicyHint';
import { useLogin } from '../hooks/useLogin';
import { useSession } from '../hooks/useSession';

function SignedOutNotice({ reason }: { reason: string | null }) {
  const t = useT();
  const config = usePublicConfig();
  if (reason === 'idle') {
    const minutes = config.data?.idleTimeoutMinutes;
    return (
      <Alert severity="info" role="status" data-testid="signed-out-notice">
        {minutes ? t('login.reason.idle', { minutes }) : t('login.reason.idleNoMinutes')}
      </Alert>
    );
  }
  if (reason === 'deactivated') {
    return (
      <Alert severity="success" role="status" data-testid="signed-out-notice">
        {t('login.reason.deactivated')}
      </Alert>
    );
  }
  if (reason === 'suspended') {
    return (
      <Alert severity="warning" role="status" data-testid="signed-out-notice">
        {t('error.dealerSuspended')}
      </Alert>
    );
  }
  if (reason === 'expired') {
    return (
      <Alert severity="info" role="status" data-testid="signed-out-notice">
        {t('login.reason.expired')}
      </Alert>
    );
  }
  return null;
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const session = useSession();
  const loginMutation = useLogin();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  const from = (location.state as { from?: Location } | null)?.from;
  const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';

  if (session.status === 'authenticated' && !loginMutation.isPending && !loginMutation.isSuccess) {
    return <Navigate to={target} replace />;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    loginMutation.mutate(
      { login: login.trim(), password },
      {
        onSuccess: (res) => {
          setPassword('');
          navigate(res.user.mustChangePassword ? CHANGE_PASSWORD_PATH : target, { replace: true });
        },
      },
    );
  };

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        p: 2,
      }}
    >
      <Box sx={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </Box>
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent sx={{ p: 4 }}>
          <Typography variant="h5" component="h1" sx={{ mb: 0.5 }}>
            {t('app.productName')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 3 }}>
            {t('login.subtitle')}
          </Typography>
          <Box component="form" noValidate onSubmit={onSubmit} aria-label={t('login.title')}>
            <Stack spacing={2}>
              {!loginMutation.isError && <SignedOutNotice reason={params.get('reason')} />}
              {!loginMutation.isError && params.get('done') === 'password-set' && (
                <Alert severity="success" role="status" data-testid="password-set-notice">
                  {t('authFlow.done.passwordSet')}
                </Alert>
              )}
              {loginMutation.isError && <LoginErrorAlert error={loginMutation.error} />}
              <TextField
                name="login"
                label={t('login.loginField')}
                value={login}
                onChange={(e) => setLogin(e.target.value)}
                autoComplete="username"
                autoFocus
                required
                fullWidth
              />
              <PasswordField
                name="password"
                label={t('login.passwordField')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                required
                fullWidth
              />
              <PasswordPolicyHint />
              <Link component={RouterLink} to="/forgot-password" variant="body2">
                {t('authFlow.forgotLink')}
              </Link>
              <Button
                type="submit"
                variant="contained"
                size="large"
                loading={loginMutation.isPending}
                disabled={!login.trim() || !password}
              >
                {t('login.submit')}
              </Button>
            </Stack>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
