import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import type { OrderView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useOrderAction } from '../hooks/useOrderAction';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { PaymentDialog } from './PaymentDialog';

export interface OrderActionsProps {
  order: OrderView;
  /** The caller supplies this order (operator, or a primary dealer for its secondaries). */
  asSupplier: boolean;
}

/** The next steps of an order: confirm → invoice → record payment; cancel with a confirmation. */
export function OrderActions({ order, asSupplier: supplierView }: OrderActionsProps) {
  const t = useT();
  const user = useCurrentUser();
  // Staff members may look at their company's supplier orders but not act on them (the API says 403).
  const asSupplier = supplierView && user.memberRole !== 'staff';
  const action = useOrderAction();
  const [dialog, setDialog] = useState<'pay' | 'cancel' | null>(null);
  const s = order.status;
  const canCancel = asSupplier
    ? s !== 'fulfilled' && s !== 'cancelled' && order.amountPaid === 0
    : !supplierView && s === 'submitted';
  const close = () => {
    setDialog(null);
    action.reset();
  };
  const run = (a: 'confirm' | 'invoice') => action.mutate({ id: order.id, action: a });

  return (
    <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
      {asSupplier && s === 'submitted' && (
        <Button size="small" variant="outlined" disabled={action.isPending} onClick={() => run('confirm')}>
          {t('billing.orders.confirm')}
        </Button>
      )}
      {asSupplier && s === 'confirmed' && (
        <Button size="small" variant="outlined" disabled={action.isPending} onClick={() => run('invoice')}>
          {t('billing.orders.invoice')}
        </Button>
      )}
      {asSupplier && (s === 'invoiced' || s === 'paid') && order.amountDue > 0 && (
        <Button size="small" variant="contained" onClick={() => setDialog('pay')}>
          {t('billing.orders.recordPayment')}
        </Button>
      )}
      {canCancel && (
        <Button size="small" color="error" onClick={() => setDialog('cancel')}>
          {t('billing.orders.cancel')}
        </Button>
      )}
      {action.isError && dialog === null && (
        <Typography variant="caption" color="error" role="alert" sx={{ width: '100%', textAlign: 'right' }}>
          {t('billing.orders.actionFailed')}
        </Typography>
      )}
      {dialog === 'pay' && (
        <PaymentDialog
          order={order}
          busy={action.isPending}
          error={action.error}
          onClose={close}
          onPay={(amount) => action.mutate({ id: order.id, action: 'pay', amount }, { onSuccess: close })}
        />
      )}
      <ConfirmDialog
        open={dialog === 'cancel'}
        title={t('billing.orders.cancelTitle', { number: order.number })}
        confirmLabel={t('billing.orders.cancelConfirm')}
        danger
        busy={action.isPending}
        error={action.error}
        onClose={close}
        onConfirm={() => action.mutate({ id: order.id, action: 'cancel' }, { onSuccess: close })}
      >
        <Typography variant="body2">{t('billing.orders.cancelBody')}</Typography>
      </ConfirmDialog>
    </Box>
  );
}
