import { useSearchParams } from 'react-router-dom';
import { Alert, Typography } from '@mui/material';
import { acceptInvitation } from '../../../api/accounts';
import { useT } from '../../../app/i18n/useT';
import { NewPasswordForm } from '../components/NewPasswordForm';
import { PublicCard } from '../components/PublicCard';
import { useTokenPasswordMutation } from '../hooks/useTokenPasswordMutation';

export function AcceptInvitationPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useTokenPasswordMutation(acceptInvitation);
  return (
    <PublicCard title={t('authFlow.accept.title')}>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {t('authFlow.accept.intro')}
      </Typography>
      {token ? (
        <NewPasswordForm
          submitLabel={t('authFlow.accept.submit')}
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
