import { Box, Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import type { DeviceView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { cameraDisplayName, deviceDisplayName } from '../../devices/tree';

export interface CameraPickerProps {
  devices: readonly DeviceView[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/** Checkboxes for every camera, grouped by device (names, never ids). */
export function CameraPicker({ devices, selected, onChange }: CameraPickerProps) {
  const t = useT();
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  if (!devices.some((d) => d.cameras.length)) {
    return <Typography variant="body2">{t('sharing.noCameras')}</Typography>;
  }
  return (
    <Box>
      {devices
        .filter((d) => d.cameras.length)
        .map((d) => (
          <Box key={d.id} sx={{ mb: 1 }}>
            <Typography variant="subtitle2">{deviceDisplayName(d)}</Typography>
            <FormGroup row>
              {d.cameras.map((c) => (
                <FormControlLabel
                  key={c.id}
                  control={
                    <Checkbox
                      size="small"
                      checked={selected.has(c.id)}
                      onChange={(e) => toggle(c.id, e.target.checked)}
                    />
                  }
                  label={cameraDisplayName(t, c)}
                />
              ))}
            </FormGroup>
          </Box>
        ))}
    </Box>
  );
}
