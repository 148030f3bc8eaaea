import { Typography } from '@mui/material';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { useT } from '../../../app/i18n/useT';

export interface ReinstateDealerDialogProps {
  open: boolean;
  dealerName: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before lifting a dealer's suspension and says what comes back. */
export function ReinstateDealerDialog(props: ReinstateDealerDialogProps) {
  const t = useT();
  return (
    <ConfirmDialog
      open={props.open}
      title={t('dealers.reinstate.title', { name: props.dealerName })}
      confirmLabel={t('dealers.reinstate.confirm')}
      busy={props.busy}
      error={props.error}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      <Typography variant="body2">{t('dealers.reinstate.intro', { name: props.dealerName })}</Typography>
    </ConfirmDialog>
  );
}
