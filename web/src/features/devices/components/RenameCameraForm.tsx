import { useState } from 'react';
import { Alert, Box, Button, TextField } from '@mui/material';
import { CAMERA_NAME_MAX, type CameraView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { deviceErrorMessage } from '../deviceErrorMessage';
import { useUpdateCamera } from '../hooks/useDeviceMutations';
import { cameraNameError, charCount } from '../validation';

/** Renames a camera (1–20 characters, checked while typing). */
export function RenameCameraForm({ camera }: { camera: CameraView }) {
  const t = useT();
  const update = useUpdateCamera(camera.id);
  const [name, setName] = useState(camera.name ?? '');
  const [saved, setSaved] = useState(false);
  const error = cameraNameError(name);
  const unchanged = name.trim() === (camera.name ?? '');
  const helper =
    error === 'tooLong'
      ? t('devices.rename.tooLong', { max: CAMERA_NAME_MAX, count: charCount(name.trim()) })
      : error === 'required' && name !== ''
        ? t('devices.rename.required')
        : t('devices.rename.count', { count: charCount(name.trim()), max: CAMERA_NAME_MAX });
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (error || unchanged) return;
        setSaved(false);
        update.mutate({ name: name.trim() }, { onSuccess: () => setSaved(true) });
      }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={t('devices.rename.label')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(false);
          }}
          error={error === 'tooLong' || (error === 'required' && name !== '')}
          helperText={helper}
          sx={{ minWidth: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'camera-name-input' } }}
        />
        <Button type="submit" variant="outlined" disabled={!!error || unchanged} loading={update.isPending}>
          {t('devices.rename.save')}
        </Button>
      </Box>
      {update.isError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {deviceErrorMessage(t, update.error)}
        </Alert>
      )}
      {saved && (
        <Alert severity="success" sx={{ mt: 1 }} role="status" onClose={() => setSaved(false)}>
          {t('devices.rename.saved')}
        </Alert>
      )}
    </Box>
  );
}
