import { useState } from 'react';
import { Box, TextField, Typography } from '@mui/material';
import { DEALER_SUSPEND_REASON_MAX, textProblem } from '@lc/shared';
import { errorField } from '../../../api/fieldError';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';

export interface SuspendDealerDialogProps {
  open: boolean;
  dealerName: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: (reason: string | undefined) => void;
  onClose: () => void;
}

/**
 * Asks before suspending a dealer: names it, says what stops (sign-in, API keys, proxy sessions,
 * open sessions, webhooks) and what keeps running (its customers and their licenses); optional reason.
 */
export function SuspendDealerDialog(props: SuspendDealerDialogProps) {
  const t = useT();
  const checks = useFieldChecks();
  const [reason, setReason] = useState('');
  const problem = textProblem(reason, { max: DEALER_SUSPEND_REASON_MAX });
  const serverReason = errorField(props.error) === 'reason' ? apiErrorMessage(t, props.error) : undefined;
  const close = () => {
    setReason('');
    checks.reset();
    props.onClose();
  };
  return (
    <ConfirmDialog
      open={props.open}
      title={t('dealers.suspend.title', { name: props.dealerName })}
      confirmLabel={t('dealers.suspend.confirm')}
      danger
      busy={props.busy}
      confirmDisabled={problem !== null}
      error={serverReason ? undefined : props.error}
      onConfirm={() => props.onConfirm(reason.trim() || undefined)}
      onClose={close}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('dealers.suspend.intro', { name: props.dealerName })}
      </Typography>
      <Box component="ul" sx={{ mt: 0, pl: 3, typography: 'body2' }}>
        <li>{t('dealers.suspend.effectSignIn')}</li>
        <li>{t('dealers.suspend.effectSessions')}</li>
        <li>{t('dealers.suspend.effectApiKeys')}</li>
        <li>{t('dealers.suspend.effectWebhooks')}</li>
      </Box>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('dealers.suspend.customersKeep')}
      </Typography>
      <TextField
        label={t('dealers.suspend.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        {...checks.props('reason', problem, serverReason)}
        slotProps={{ htmlInput: { 'data-testid': 'suspend-reason' } }}
      />
    </ConfirmDialog>
  );
}
