import { useState } from 'react';
import { TextField, Typography } from '@mui/material';
import type { OrderView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { formatYen } from '../formatYen';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';

export interface PaymentDialogProps {
  order: OrderView;
  busy: boolean;
  error: unknown;
  onPay: (amount: number) => void;
  onClose: () => void;
}

/** Records a payment: the amount (default: all that is due), confirmed before it is sent. */
export function PaymentDialog({ order, busy, error, onPay, onClose }: PaymentDialogProps) {
  const t = useT();
  const [amount, setAmount] = useState(String(order.amountDue));
  const value = Number(amount);
  const valid = Number.isInteger(value) && value >= 1 && value <= order.amountDue;
  return (
    <ConfirmDialog
      open
      title={t('billing.orders.payTitle', { number: order.number })}
      confirmLabel={t('billing.orders.payConfirm')}
      busy={busy}
      confirmDisabled={!valid}
      error={error}
      onConfirm={() => valid && onPay(value)}
      onClose={onClose}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('billing.orders.payIntro', { due: formatYen(order.amountDue) })}
      </Typography>
      <TextField
        label={t('billing.orders.payAmount')}
        type="number"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={!valid}
        helperText={valid ? formatYen(value) : t('billing.orders.payAmountInvalid')}
        fullWidth
        slotProps={{ htmlInput: { min: 1, max: order.amountDue, step: 1 } }}
      />
    </ConfirmDialog>
  );
}
