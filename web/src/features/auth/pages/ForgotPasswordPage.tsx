import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { emailProblem } from '@lc/shared';
import { forgotPassword, resetPassword } from '../../../api/accounts';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { NewPasswordForm } from '../components/NewPasswordForm';
import { PublicCard } from '../components/PublicCard';

/** Step 1: the e-mail; step 2: the e-mailed 6-digit code and a new password. */
export function ForgotPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const checks = useFieldChecks();
  const problem = emailProblem(email);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const send = useMutation({ mutationFn: forgotPassword, onSuccess: (_, v) => setSentTo(v.email) });
  const reset = useMutation({
    mutationFn: resetPassword,
    onSuccess: () => navigate('/login?done=password-set', { replace: true }),
  });
  const onSend = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    send.mutate({ email: email.trim() });
  };
  return (
    <PublicCard title={t('authFlow.forgot.title')}>
      {sentTo === null ? (
        <Box component="form" noValidate onSubmit={onSend}>
          <Stack spacing={2}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('authFlow.forgot.intro')}
            </Typography>
            {send.isError && <Alert severity="error">{apiErrorMessage(t, send.error)}</Alert>}
            <TextField
              name="email"
              type="email"
              label={t('authFlow.forgot.email')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
              required
              autoFocus
              {...checks.props('email', problem)}
            />
            <Button type="submit" variant="contained" loading={send.isPending} disabled={problem !== null}>
              {t('authFlow.forgot.send')}
            </Button>
          </Stack>
        </Box>
      ) : (
        <Stack spacing={2}>
          <Alert severity="info" role="status">
            {t('authFlow.forgot.sent', { email: sentTo })}
          </Alert>
          <NewPasswordForm
            submitLabel={t('authFlow.reset.submit')}
            pending={reset.isPending}
            error={reset.error}
            ready={/^\d{6}$/.test(code)}
            onSubmit={(password) => reset.mutate({ email: sentTo, code, password })}
          >
            <TextField
              name="code"
              label={t('authFlow.forgot.code')}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              autoComplete="one-time-code"
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              required
            />
          </NewPasswordForm>
        </Stack>
      )}
    </PublicCard>
  );
}
