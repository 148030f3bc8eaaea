import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Typography,
} from '@mui/material';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser, useSession } from '../../auth/hooks/useSession';
import { useAcceptTerms, useTerms } from '../hooks/useEventsFeature';

/**
 * Asks customers and dealers to accept the current terms of use at sign-in (and again when a
 * new version is published). Not inside a proxy session: the dealer cannot accept for the
 * customer. The API records acceptance; it does not refuse other calls.
 */
export function TermsDialog() {
  const t = useT();
  const user = useCurrentUser();
  const { signOut } = useSession();
  const asks = (user.role === 'customer' || user.role === 'dealer') && !user.proxy;
  const terms = useTerms(asks);
  const accept = useAcceptTerms();
  const [agreed, setAgreed] = useState(false);
  const version = terms.data?.version;
  if (!asks || !terms.data?.required || !version) return null;
  return (
    <Dialog open aria-labelledby="terms-title" data-testid="terms-dialog">
      <DialogTitle id="terms-title">{t('terms.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('terms.intro', { version })}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
          {t('terms.body')}
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />}
          label={t('terms.agree')}
        />
        {accept.isError && <Alert severity="error">{apiErrorMessage(t, accept.error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void signOut()}>{t('terms.signOut')}</Button>
        <Button
          variant="contained"
          disabled={!agreed}
          loading={accept.isPending}
          onClick={() => accept.mutate(version, { onError: () => void terms.refetch() })}
        >
          {t('terms.accept')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
