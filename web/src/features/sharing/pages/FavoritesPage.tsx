import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import StarBorder from '@mui/icons-material/StarBorder';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { LicenseStatusChip } from '../../devices/components/LicenseStatusChip';
import { useDevices } from '../../devices/hooks/useDevices';
import { cameraPath } from '../../devices/paths';
import { cameraDisplayName, deviceDisplayName } from '../../devices/tree';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useFavorites } from '../hooks/useSharing';

/** The signed-in user's favorite cameras (contract holder or shared user). */
export function FavoritesPage() {
  const t = useT();
  const user = useCurrentUser();
  const favorites = useFavorites();
  const devices = useDevices({});
  const header = <PageHeader title={t('favorites.title')} subtitle={t('favorites.subtitle')} />;
  if (favorites.isPending || devices.isPending)
    return (
      <Box>
        {header}
        <LoadingRows rows={3} height={56} />
      </Box>
    );
  if (favorites.isError || devices.isError) {
    return (
      <Box>
        {header}
        <ErrorState
          error={favorites.error ?? devices.error}
          onRetry={() => void Promise.all([favorites.refetch(), devices.refetch()])}
        />
      </Box>
    );
  }
  const cams = devices.data.flatMap((d) => d.cameras.map((c) => ({ c, d })));
  const list = favorites.data.cameraIds.flatMap((id) => cams.filter((x) => x.c.id === id));
  return (
    <Box>
      {header}
      {list.length === 0 ? (
        <EmptyState
          icon={<StarBorder fontSize="inherit" />}
          title={t('favorites.title')}
          description={t('favorites.empty')}
        />
      ) : (
        <Box
          data-testid="favorites"
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 1fr 1fr' },
          }}
        >
          {list.map(({ c, d }) => (
            <Card key={c.id} variant="outlined">
              <CardActionArea component={RouterLink} to={cameraPath(c.id)}>
                <CardContent>
                  <Typography variant="subtitle1">{cameraDisplayName(t, c)}</Typography>
                  <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
                    {deviceDisplayName(d)}
                  </Typography>
                  <LicenseStatusChip camera={c} timeZone={user.timeZone} />
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Box>
      )}
    </Box>
  );
}
