import { Chip } from '@mui/material';
import type { InvoiceStatus } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

const COLORS: Record<InvoiceStatus, 'default' | 'warning' | 'success' | 'error' | 'info'> = {
  unpaid: 'warning',
  partially_paid: 'info',
  paid: 'success',
  overdue: 'error',
  void: 'default',
};

export function InvoiceStatusChip({ status }: { status: InvoiceStatus }) {
  const t = useT();
  return <Chip size="small" color={COLORS[status]} label={t(`billing.invoiceStatus.${status}`)} />;
}
