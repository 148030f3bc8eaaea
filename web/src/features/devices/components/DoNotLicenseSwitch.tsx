import { useState } from 'react';
import { Alert, FormControlLabel, Switch, Typography } from '@mui/material';
import type { CameraView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useUpdateCamera } from '../hooks/useDeviceMutations';

/** "Do not license": auto-binding skips the camera. Asks before changing it either way. */
export function DoNotLicenseSwitch({ camera }: { camera: CameraView }) {
  const t = useT();
  const update = useUpdateCamera(camera.id);
  const [asking, setAsking] = useState<boolean | null>(null);
  return (
    <>
      <FormControlLabel
        control={
          <Switch
            checked={camera.doNotLicense}
            onChange={(e) => {
              update.reset();
              setAsking(e.target.checked);
            }}
            slotProps={{ input: { 'aria-describedby': 'dnl-help' } }}
            data-testid="do-not-license-switch"
          />
        }
        label={t('devices.doNotLicense.label')}
      />
      <Typography id="dnl-help" variant="body2" sx={{ color: 'text.secondary' }}>
        {t('devices.doNotLicense.explain')}
      </Typography>
      <ConfirmDialog
        open={asking !== null}
        title={t(asking ? 'devices.doNotLicense.onTitle' : 'devices.doNotLicense.offTitle')}
        confirmLabel={t(asking ? 'devices.doNotLicense.onConfirm' : 'devices.doNotLicense.offConfirm')}
        busy={update.isPending}
        onClose={() => setAsking(null)}
        onConfirm={() =>
          update.mutate({ doNotLicense: asking === true }, { onSuccess: () => setAsking(null) })
        }
      >
        <Typography variant="body2">
          {asking
            ? t(camera.licensed ? 'devices.doNotLicense.onBodyLicensed' : 'devices.doNotLicense.onBody')
            : t('devices.doNotLicense.offBody')}
        </Typography>
        {update.isError && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {deviceErrorMessage(t, update.error)}
          </Alert>
        )}
      </ConfirmDialog>
    </>
  );
}
