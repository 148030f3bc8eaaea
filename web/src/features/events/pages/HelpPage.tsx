import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardContent, Link, List, ListItem, Stack, Typography } from '@mui/material';
import { ErrorState } from '../../../app/components/ErrorState';
import { FullPageLoading } from '../../../app/components/FullPageLoading';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useHelp } from '../hooks/useEventsFeature';

/** Help (seed 001 §5.8): the service version, the manuals, message and maintenance history. */
export function HelpPage() {
  const t = useT();
  const user = useCurrentUser();
  const help = useHelp();
  return (
    <Box sx={{ maxWidth: 720 }}>
      <PageHeader title={t('help.title')} subtitle={t('help.subtitle')} />
      {help.isPending ? (
        <FullPageLoading />
      ) : help.isError ? (
        <ErrorState error={help.error} onRetry={() => void help.refetch()} />
      ) : (
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="overline">{t('help.version')}</Typography>
              <Typography variant="h5" data-testid="service-version">
                {help.data.serviceVersion}
              </Typography>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" component="h2">
                {t('help.manuals')}
              </Typography>
              <List dense>
                {help.data.manuals.map((m) => (
                  <ListItem key={m.key}>
                    <Link href={m.url} target="_blank" rel="noopener noreferrer">
                      {t(`help.manual.${m.key}` as 'help.manual.portal')}
                    </Link>
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
          {user.role !== 'operator' && (
            <Card>
              <CardContent>
                <List dense>
                  <ListItem>
                    <Link component={RouterLink} to="/messages?category=announcement">
                      {t('help.messageHistory')}
                    </Link>
                  </ListItem>
                  {user.role === 'customer' && (
                    <ListItem>
                      <Link component={RouterLink} to="/messages?category=maintenance">
                        {t('help.maintenanceHistory')}
                      </Link>
                    </ListItem>
                  )}
                </List>
              </CardContent>
            </Card>
          )}
        </Stack>
      )}
    </Box>
  );
}
