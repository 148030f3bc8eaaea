import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useT } from '../../../app/i18n/useT';

export interface ShownOnceDialogProps {
  title: string;
  intro: string;
  /** The secret or key; the dialog is open while it is set. */
  value: string | null;
  onClose: () => void;
}

/** Shows a secret or API key the one time the server returns it, with a copy button. */
export function ShownOnceDialog({ title, intro, value, onClose }: ShownOnceDialogProps) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={value !== null} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {intro}
        </Alert>
        <TextField
          value={value ?? ''}
          fullWidth
          slotProps={{
            htmlInput: { readOnly: true, 'aria-label': title, style: { fontFamily: 'monospace' } },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(value ?? '').then(() => setCopied(true));
          }}
        >
          {copied ? t('integrations.copied') : t('integrations.copy')}
        </Button>
        <Button
          variant="contained"
          onClick={() => {
            setCopied(false);
            onClose();
          }}
        >
          {t('integrations.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
