import { useSearchParams } from 'react-router-dom';
import { Alert, Typography } from '@mui/material';
import { setPassword } from '../../../api/accounts';
import { useT } from '../../../app/i18n/useT';
import { NewPasswordForm } from '../components/NewPasswordForm';
import { PublicCard } from '../components/PublicCard';
import { useTokenPasswordMutation } from '../hooks/useTokenPasswordMutation';

export function SetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useTokenPasswordMutation(setPassword);
  return (
    <PublicCard title={t('authFlow.setPassword.title')}>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {t('authFlow.setPassword.intro')}
      </Typography>
      {token ? (
        <NewPasswordForm
          submitLabel={t('authFlow.setPassword.submit')}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(password) => mutation.mutate({ token, password })}
        />
      ) : (
        <Alert severity="error">{t('authFlow.missingToken')}</Alert>
      )}
    </PublicCard>
  );
}
