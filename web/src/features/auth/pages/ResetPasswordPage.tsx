import { useSearchParams } from 'react-router-dom';
import { Alert } from '@mui/material';
import { resetPassword } from '../../../api/accounts';
import { useT } from '../../../app/i18n/useT';
import { NewPasswordForm } from '../components/NewPasswordForm';
import { PublicCard } from '../components/PublicCard';
import { useTokenPasswordMutation } from '../hooks/useTokenPasswordMutation';

export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useTokenPasswordMutation(resetPassword);
  return (
    <PublicCard title={t('authFlow.reset.title')}>
      {token ? (
        <NewPasswordForm
          submitLabel={t('authFlow.reset.submit')}
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
