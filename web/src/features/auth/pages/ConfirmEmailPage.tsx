import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { confirmEmail } from '../../../api/accounts';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { PublicCard } from '../components/PublicCard';

/** Opened from the e-mail-change link: confirms on load and says how it went. */
export function ConfirmEmailPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useMutation({ mutationFn: confirmEmail });
  const started = useRef(false);
  const { mutate } = confirm;
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    mutate({ token });
  }, [token, mutate]);

  return (
    <PublicCard title={t('authFlow.confirm.title')}>
      {!token ? (
        <Alert severity="error">{t('authFlow.missingToken')}</Alert>
      ) : confirm.isSuccess ? (
        <Alert severity="success" role="status">
          {t('authFlow.confirm.done')}
        </Alert>
      ) : confirm.isError ? (
        <Alert severity="error">{apiErrorMessage(t, confirm.error)}</Alert>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <CircularProgress size={20} />
          <Typography>{t('authFlow.confirm.working')}</Typography>
        </Stack>
      )}
    </PublicCard>
  );
}
