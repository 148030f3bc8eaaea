import { useState } from 'react';
import { Box, MenuItem, TextField } from '@mui/material';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { ORDER_STATUSES, type OrderStatus } from '@lc/shared';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useT } from '../../../app/i18n/useT';
import { useOrders } from '../hooks/useOrders';
import { OrdersTable } from './OrdersTable';

/** One list of orders, as buyer or as supplier, with a status filter and paging. */
export function OrdersList({ role }: { role: 'buyer' | 'supplier' }) {
  const t = useT();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const orders = useOrders({ role, status: status || undefined, page: page + 1, pageSize });

  return (
    <Box>
      <TextField
        select
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        size="small"
        label={t('billing.orders.filterStatus')}
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as OrderStatus | '');
          setPage(0);
        }}
        sx={{ minWidth: 200, mb: 2 }}
      >
        <MenuItem value="">{t('billing.common.all')}</MenuItem>
        {ORDER_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {t(`billing.orderStatus.${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <QueryTablePanel
        query={orders}
        emptyIcon={<ReceiptLongOutlined fontSize="inherit" />}
        emptyText={t(role === 'buyer' ? 'billing.orders.emptyBuyer' : 'billing.orders.emptySupplier')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => <OrdersTable orders={data.items} asSupplier={role === 'supplier'} />}
      </QueryTablePanel>
    </Box>
  );
}
