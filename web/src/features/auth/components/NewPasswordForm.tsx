import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Stack } from '@mui/material';
import { checkPassword } from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { PasswordField } from './PasswordField';
import { PasswordHints } from './PasswordHints';

export interface NewPasswordFormProps {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  /** Fields shown above the password (e.g. the e-mailed code). */
  children?: ReactNode;
  /** Extra condition for the submit button. */
  ready?: boolean;
}

/** A new password typed twice, checked live against the policy. */
export function NewPasswordForm({
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
  ready = true,
}: NewPasswordFormProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const ok = checkPassword(password, {}).failures.length === 0;
  const mismatch = repeat !== '' && repeat !== password;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(password);
  };
  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2}>
        {error !== null && error !== undefined && <Alert severity="error">{apiErrorMessage(t, error)}</Alert>}
        {children}
        <PasswordField
          name="newPassword"
          label={t('authFlow.newPassword')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
          fullWidth
        />
        <PasswordHints password={password} />
        <PasswordField
          name="repeatPassword"
          label={t('authFlow.confirmPassword')}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          autoComplete="new-password"
          required
          fullWidth
          error={mismatch}
          helperText={mismatch ? t('authFlow.mismatch') : undefined}
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          loading={pending}
          disabled={!ok || password !== repeat || !ready}
        >
          {submitLabel}
        </Button>
      </Stack>
    </Box>
  );
}
