import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Card, CardActions, CardContent } from '@mui/material';
import LockReset from '@mui/icons-material/LockReset';
import { FactList } from '../../../app/components/FactList';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { RoleChip } from '../../auth/components/RoleChip';
import { CHANGE_PASSWORD_PATH } from '../../auth/components/RequireAuth';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { ChangeEmailCard } from '../components/ChangeEmailCard';
import { DeactivateAccountCard } from '../components/DeactivateAccountCard';
import { DealerProfileCard } from '../components/DealerProfileCard';
import { ContractHolderCard } from '../../events/components/ContractHolderCard';

export function AccountPage() {
  const t = useT();
  const user = useCurrentUser();
  const facts: Array<[string, string]> = [
    [t('account.name'), user.name],
    [t('account.email'), user.email],
    [t('account.language'), t(`language.${user.language}`)],
    [t('account.timeZone'), user.timeZone],
  ];
  return (
    <Box sx={{ maxWidth: 720 }}>
      <PageHeader title={t('nav.account')} subtitle={t('account.subtitle')} />
      <Card>
        <CardContent>
          <Box sx={{ mb: 2 }}>
            <RoleChip role={user.role} memberRole={user.memberRole} />
          </Box>
          <FactList facts={facts} />
        </CardContent>
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button
            component={RouterLink}
            to={CHANGE_PASSWORD_PATH}
            startIcon={<LockReset />}
            variant="outlined"
          >
            {t('password.title')}
          </Button>
        </CardActions>
      </Card>
      {user.role === 'dealer' && <DealerProfileCard />}
      {user.role === 'customer' && <ContractHolderCard />}
      {user.role === 'customer' && !user.proxy && <ChangeEmailCard />}
      {user.role === 'customer' && <DeactivateAccountCard />}
    </Box>
  );
}
