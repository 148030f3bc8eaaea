import { Box, Card, CardContent, Typography } from '@mui/material';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { RoleChip } from '../../auth/components/RoleChip';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { DealerDashboard } from '../../licenses/components/DealerDashboard';
import { OperatorHome } from '../../dealers/components/OperatorHome';

export function DashboardPage() {
  const t = useT();
  const user = useCurrentUser();
  if (user.role === 'dealer') {
    return (
      <Box>
        <PageHeader title={t('nav.dashboard')} subtitle={t('dashboard.welcome', { name: user.name })} />
        <DealerDashboard />
      </Box>
    );
  }
  if (user.role === 'operator') {
    return (
      <Box>
        <PageHeader title={t('nav.dashboard')} subtitle={t('dashboard.welcome', { name: user.name })} />
        <OperatorHome />
      </Box>
    );
  }
  return (
    <Box sx={{ maxWidth: 720 }}>
      <PageHeader title={t('nav.dashboard')} />
      <Card data-testid="welcome-card">
        <CardContent>
          <Typography variant="h6" component="h2">
            {t('dashboard.welcome', { name: user.name })}
          </Typography>
          <Box sx={{ my: 1.5 }}>
            <RoleChip role={user.role} memberRole={user.memberRole} />
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t(`dashboard.intro.${user.role}`)}
          </Typography>
        </CardContent>
      </Card>
    </Box>
  );
}
