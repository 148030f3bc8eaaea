import { useState } from 'react';
import { Box, LinearProgress, MenuItem, Paper, TextField } from '@mui/material';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { ORDER_STATUSES, type OrderStatus } from '@lc/shared';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PagedFooter } from '../../../app/components/PagedFooter';
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
      <Box sx={{ height: 4, mb: 1 }}>{orders.isFetching && !orders.isPending && <LinearProgress />}</Box>
      <Paper variant="outlined">
        {orders.isPending ? (
          <Box sx={{ p: 2 }}>
            <LoadingRows rows={5} />
          </Box>
        ) : orders.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
          </Box>
        ) : orders.data.items.length === 0 ? (
          <EmptyState
            icon={<ReceiptLongOutlined fontSize="inherit" />}
            title={t('common.nothingHereYet')}
            description={t(role === 'buyer' ? 'billing.orders.emptyBuyer' : 'billing.orders.emptySupplier')}
          />
        ) : (
          <>
            <OrdersTable orders={orders.data.items} asSupplier={role === 'supplier'} />
            <PagedFooter
              count={orders.data.total}
              page={page}
              pageSize={pageSize}
              onPageChange={setPage}
              onPageSizeChange={setPageSize}
            />
          </>
        )}
      </Paper>
    </Box>
  );
}
