import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
} from '@mui/material';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointCreated, type WebhookEventType } from '@lc/shared';
import { errorField } from '../../../api/fieldError';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/dictionaries';
import { useWebhookActions } from '../hooks/useIntegrations';

export const eventLabelKey = (type: string) => `integrations.event.${type}` as MessageKey;

export interface EndpointDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (e: WebhookEndpointCreated) => void;
}

/** Adds a webhook endpoint: URL and the event types it receives. */
export function EndpointDialog({ open, onClose, onCreated }: EndpointDialogProps) {
  const t = useT();
  const { create } = useWebhookActions();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['license.expiring', 'camera.lapsed']);
  const [touched, setTouched] = useState(false);
  const field = create.error ? errorField(create.error) : undefined;
  const serverError = create.error ? apiErrorMessage(t, create.error) : null;
  const close = () => {
    create.reset();
    setTouched(false);
    onClose();
  };
  const submit = () => {
    setTouched(true);
    if (!url.trim() || !events.length) return;
    create.mutate(
      { url: url.trim(), events },
      {
        onSuccess: (e) => {
          setUrl('');
          setTouched(false);
          onCreated(e);
        },
      },
    );
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
      <DialogTitle>{t('integrations.endpointTitle')}</DialogTitle>
      <DialogContent>
        <TextField
          label={t('integrations.field.url')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          fullWidth
          margin="normal"
          placeholder="https://"
          error={(touched && !url.trim()) || field === 'url'}
          helperText={field === 'url' ? serverError : t('integrations.field.urlHelp')}
        />
        <FormControl error={touched && !events.length} component="fieldset" sx={{ mt: 1 }}>
          <FormLabel component="legend">{t('integrations.field.events')}</FormLabel>
          <FormGroup>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <FormControlLabel
                key={type}
                control={
                  <Checkbox
                    checked={events.includes(type)}
                    onChange={(e) =>
                      setEvents((cur) => (e.target.checked ? [...cur, type] : cur.filter((x) => x !== type)))
                    }
                  />
                }
                label={t(eventLabelKey(type))}
              />
            ))}
          </FormGroup>
          {touched && !events.length && (
            <FormHelperText>{t('integrations.field.eventsRequired')}</FormHelperText>
          )}
        </FormControl>
        {serverError && field !== 'url' && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {serverError}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('integrations.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={create.isPending}>
          {t('integrations.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
