import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { OrderView } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { formatYen } from '../formatYen';
import { OrderActions } from './OrderActions';
import { OrderStatusChip } from './OrderStatusChip';

export interface OrdersTableProps {
  orders: OrderView[];
  asSupplier: boolean;
}

export function OrdersTable({ orders, asSupplier }: OrdersTableProps) {
  const t = useT();
  const { lang } = useLang();
  const format = useFormatDateTime();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('billing.orders.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('billing.orders.col.number')}</TableCell>
            <TableCell>{t('billing.orders.col.createdAt')}</TableCell>
            <TableCell>
              {asSupplier ? t('billing.orders.col.buyer') : t('billing.orders.col.supplier')}
            </TableCell>
            <TableCell>{t('billing.orders.col.lines')}</TableCell>
            <TableCell align="right">{t('billing.orders.col.total')}</TableCell>
            <TableCell align="right">{t('billing.orders.col.due')}</TableCell>
            <TableCell>{t('billing.orders.col.status')}</TableCell>
            <TableCell align="right">{t('billing.orders.col.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {orders.map((o) => (
            <TableRow key={o.id} data-testid={`order-row-${o.number}`}>
              <TableCell>#{o.number}</TableCell>
              <TableCell>{format(o.createdAt)}</TableCell>
              <TableCell>
                {asSupplier ? o.buyer.companyName : (o.supplier?.companyName ?? t('billing.orders.operator'))}
              </TableCell>
              <TableCell>
                {o.lines.map((l) => (
                  <Box key={l.skuCode} sx={{ whiteSpace: 'nowrap' }}>
                    {l.name[lang]} × {l.quantity}
                  </Box>
                ))}
              </TableCell>
              <TableCell align="right">{formatYen(o.total)}</TableCell>
              <TableCell align="right">{o.invoiceId ? formatYen(o.amountDue) : '—'}</TableCell>
              <TableCell>
                <OrderStatusChip status={o.status} />
              </TableCell>
              <TableCell align="right">
                <OrderActions order={o} asSupplier={asSupplier} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
