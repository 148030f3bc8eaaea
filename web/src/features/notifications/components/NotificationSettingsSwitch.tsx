import { Alert, Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useNotificationSettings, useUpdateNotificationSettings } from '../hooks/useNotifications';

/** The signed-in member's own opt-in (`PUT /api/notifications/settings`). */
export function NotificationSettingsSwitch() {
  const t = useT();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  return (
    <Box sx={{ mb: 2 }}>
      <FormControlLabel
        control={
          <Switch
            checked={settings.data?.licenseReminders ?? false}
            disabled={settings.isPending || settings.isError || update.isPending}
            onChange={(e) => update.mutate({ licenseReminders: e.target.checked })}
          />
        }
        label={t('notifications.settings.label')}
      />
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('notifications.settings.hint')}
      </Typography>
      {settings.isError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {apiErrorMessage(t, settings.error)}
        </Alert>
      )}
      {update.isError && (
        <Alert severity="error" sx={{ mt: 1 }} onClose={() => update.reset()}>
          {t('notifications.settings.failed', { message: apiErrorMessage(t, update.error) })}
        </Alert>
      )}
    </Box>
  );
}
