import { Chip } from '@mui/material';
import type { OrderStatus } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

const COLORS: Record<OrderStatus, 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary'> = {
  submitted: 'info',
  confirmed: 'primary',
  invoiced: 'warning',
  paid: 'success',
  fulfilled: 'success',
  cancelled: 'default',
};

export function OrderStatusChip({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      label={t(`billing.orderStatus.${status}`)}
      data-testid="order-status"
    />
  );
}
