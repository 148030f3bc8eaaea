import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Typography,
} from '@mui/material';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCameraSharing, useSetCameraSharing, useSharedUsers } from '../hooks/useSharing';

/** From a camera's page: which shared users see this camera (the contract holder's choice). */
export function CameraSharingCard({ cameraId }: { cameraId: string }) {
  const t = useT();
  const users = useSharedUsers();
  const sharing = useCameraSharing(cameraId, true);
  const save = useSetCameraSharing(cameraId);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  useEffect(() => {
    if (sharing.data) setSelected(new Set(sharing.data.userIds));
  }, [sharing.data]);
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="camera-sharing">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 0.5 }}>
          {t('sharing.cameraCard')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {t('sharing.cameraCardIntro')}
        </Typography>
        {(users.isError || sharing.isError) && (
          <Alert severity="error">{apiErrorMessage(t, users.error ?? sharing.error)}</Alert>
        )}
        {users.data && users.data.length === 0 && (
          <Typography variant="body2">{t('sharing.cameraCardEmpty')}</Typography>
        )}
        {users.data && users.data.length > 0 && selected && (
          <>
            <FormGroup row>
              {users.data.map((u) => (
                <FormControlLabel
                  key={u.id}
                  control={
                    <Checkbox
                      checked={selected.has(u.id)}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(u.id);
                        else next.delete(u.id);
                        setSelected(next);
                        save.reset();
                      }}
                    />
                  }
                  label={`${u.name} (${u.email})`}
                />
              ))}
            </FormGroup>
            <Button
              variant="outlined"
              sx={{ mt: 1 }}
              loading={save.isPending}
              onClick={() => save.mutate([...selected])}
            >
              {t('sharing.save')}
            </Button>
            {save.isSuccess && (
              <Alert severity="success" role="status" sx={{ mt: 1 }}>
                {t('sharing.cameraCardSaved')}
              </Alert>
            )}
            {save.isError && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {apiErrorMessage(t, save.error)}
              </Alert>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
