import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import { BackButton, DetailPageFallback } from '../../../app/components/DetailPageFallback';
import { FactList } from '../../../app/components/FactList';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { CapabilitiesList } from '../components/CapabilitiesList';
import { DoNotLicenseSwitch } from '../components/DoNotLicenseSwitch';
import { LicenseStatusChip } from '../components/LicenseStatusChip';
import { RenameCameraForm } from '../components/RenameCameraForm';
import { TransferDialog } from '../components/TransferDialog';
import { formatDaysLeft } from '../daysLeft';
import { useCamera } from '../hooks/useDevices';
import { useDeviceScope } from '../hooks/useDeviceScope';
import { lapseCause } from '../lapse';
import { devicePath } from '../paths';
import { cameraDisplayName } from '../tree';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { CameraSharingCard } from '../../sharing/components/CameraSharingCard';
import { FavoriteButton } from '../../sharing/components/FavoriteButton';
import { StreamPanel } from '../../sharing/components/StreamPanel';
import { RequestRenewalCard } from '../../renewal-requests/components/RequestRenewalCard';

/** One camera: license, capabilities (why some are off), name, "do not license", transfer. */
export function CameraDetailPage() {
  const t = useT();
  const { lang } = useLang();
  const { id = '' } = useParams();
  const scope = useDeviceScope();
  const user = useCurrentUser();
  /** The customer or a shared user looking at their own camera (not a dealer's read-only view). */
  const portal = !scope.customerId && (user.role === 'customer' || user.role === 'shared_user');
  const camera = useCamera(id, scope);
  const [transferring, setTransferring] = useState(false);
  const [transferred, setTransferred] = useState<string | null>(null);

  const backTo = camera.data
    ? devicePath(camera.data.deviceId, scope.customerId)
    : scope.customerId
      ? `/customers/${scope.customerId}?tab=devices`
      : '/devices';
  const back = <BackButton to={backTo}>{t('devices.camera.back')}</BackButton>;
  if (camera.isPending || camera.isError) {
    return <DetailPageFallback back={back} query={camera} loadingRows={4} />;
  }
  const c = camera.data;
  const date = (iso: string | null) =>
    iso ? formatDateTime(iso, lang, scope.timeZone, { dateOnly: true }) : '—';
  const cause = lapseCause(c);

  return (
    <Box>
      {back}
      <PageHeader
        title={cameraDisplayName(t, c)}
        subtitle={t('devices.camera.subtitle', {
          channel: c.channel,
          model: c.model,
          kind: t(`licenses.kind.${c.kind}`),
        })}
        actions={
          <>
            {portal && <FavoriteButton cameraId={c.id} />}
            {!scope.readOnly && c.licensed && c.licenseId && (
              <Button variant="outlined" startIcon={<SwapHoriz />} onClick={() => setTransferring(true)}>
                {t('devices.transfer.open')}
              </Button>
            )}
          </>
        }
      />
      {scope.readOnly && user.role !== 'shared_user' && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only-note">
          {t('devices.readOnly')}
        </Alert>
      )}
      {transferred && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setTransferred(null)}>
          {t('devices.transfer.done', { target: transferred })}
        </Alert>
      )}
      {cause && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="camera-lapse">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {cause.kind === 'neverLicensed'
              ? t('devices.lapse.neverLicensed')
              : t('devices.lapse.since', { date: date(cause.at) })}{' '}
            {t(
              c.doNotLicense
                ? 'devices.lapse.restoreMarked'
                : scope.customerId
                  ? 'devices.lapse.restoreDealer'
                  : 'devices.lapse.restore',
            )}
          </Typography>
          {/* Stated once: the capabilities card below lists each one on or off. */}
          <Typography variant="body2">{t('devices.lapse.seeCapabilities')}</Typography>
        </Alert>
      )}
      {portal && <StreamPanel cameraId={c.id} timeZone={scope.timeZone} />}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
              {t('devices.camera.license')}
            </Typography>
            <FactList
              facts={[
                [
                  t('devices.col.license'),
                  <LicenseStatusChip key="s" camera={c} timeZone={scope.timeZone} />,
                ],
                [t('devices.col.endsAt'), date(c.endsAt), 'camera-ends-at'],
                [t('devices.col.daysLeft'), formatDaysLeft(t, c.daysLeft), 'camera-days-left'],
                [t('devices.camera.registeredAt'), date(c.registeredAt)],
                [
                  t('devices.doNotLicense.label'),
                  c.doNotLicense ? t('devices.common.yes') : t('devices.common.no'),
                  'camera-dnl',
                ],
              ]}
            />
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('devices.camera.capabilities')}
            </Typography>
            <CapabilitiesList capabilities={c.capabilities} />
          </CardContent>
        </Card>
        {!scope.readOnly && !scope.proxy && <RequestRenewalCard camera={c} />}
        {!scope.readOnly && (
          <Card variant="outlined" sx={{ gridColumn: { md: '1 / span 2' } }}>
            <CardContent>
              <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
                {t('devices.camera.settings')}
              </Typography>
              <RenameCameraForm key={c.id} camera={c} />
              <Box sx={{ mt: 2 }}>
                <DoNotLicenseSwitch camera={c} />
              </Box>
            </CardContent>
          </Card>
        )}
      </Box>
      {user.role === 'customer' && !scope.customerId && <CameraSharingCard cameraId={c.id} />}
      {transferring && (
        <TransferDialog
          open
          camera={c}
          timeZone={scope.timeZone}
          onClose={() => setTransferring(false)}
          onDone={(target) => {
            setTransferring(false);
            setTransferred(target);
          }}
        />
      )}
    </Box>
  );
}
