import { Chip } from '@mui/material';
import type { CameraView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { cameraLicenseStatus } from '../lapse';
import { LapsedBadge } from './LapsedBadge';

export interface LicenseStatusChipProps {
  camera: CameraView;
  timeZone?: string;
}

/** Licensed / ending soon, or the LAPSED badge with its explanation. */
export function LicenseStatusChip({ camera, timeZone }: LicenseStatusChipProps) {
  const t = useT();
  const status = cameraLicenseStatus(camera);
  if (status === 'lapsed') return <LapsedBadge camera={camera} timeZone={timeZone} />;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={status === 'endingSoon' ? 'warning' : 'success'}
      label={t(status === 'endingSoon' ? 'devices.license.endingSoon' : 'devices.license.licensed')}
      data-testid="license-status"
    />
  );
}
