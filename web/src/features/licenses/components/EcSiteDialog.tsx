import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Link,
  Typography,
} from '@mui/material';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { useT } from '../../../app/i18n/useT';
import { useDismissEcSite, useEcSite } from '../hooks/useEcSite';

/** Set once the dialog was closed in this browser session: it opens by itself at most once per session. */
const SEEN_KEY = 'lc.ecSiteSeen';

function seenThisSession(): boolean {
  try {
    return sessionStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

export interface EcSiteDialogProps {
  /** Open it even when dismissed (the "EC site" button). */
  forceOpen: boolean;
  onClose: () => void;
}

/** "Buy on the EC site" (seed 002): offered on the stock screen once per session, until dismissed for good. */
export function EcSiteDialog({ forceOpen, onClose }: EcSiteDialogProps) {
  const t = useT();
  const ec = useEcSite();
  const dismiss = useDismissEcSite();
  const [closedHere, setClosedHere] = useState(seenThisSession);
  const [never, setNever] = useState(false);
  const open = !!ec.data && (forceOpen || (!ec.data.dismissed && !closedHere));
  const close = () => {
    if (never && !ec.data?.dismissed) dismiss.mutate();
    setClosedHere(true);
    try {
      sessionStorage.setItem(SEEN_KEY, '1');
    } catch {
      // Storage unavailable: the dialog stays closed for this page only.
    }
    onClose();
  };
  if (!ec.data) return null;
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth data-testid="ec-site-dialog">
      <DialogTitle>{t('licenses.ec.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('licenses.ec.body')}
        </Typography>
        <Button
          component={Link}
          href={ec.data.url}
          target="_blank"
          rel="noopener noreferrer"
          variant="contained"
          endIcon={<OpenInNew />}
        >
          {t('licenses.ec.open')}
        </Button>
        {!ec.data.dismissed && (
          <FormControlLabel
            sx={{ display: 'flex', mt: 2 }}
            control={<Checkbox checked={never} onChange={(e) => setNever(e.target.checked)} />}
            label={t('licenses.ec.dontShowAgain')}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('licenses.ec.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
