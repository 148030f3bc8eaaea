import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, Box, Button, Tab, Tabs } from '@mui/material';
import AddShoppingCartOutlined from '@mui/icons-material/AddShoppingCartOutlined';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { NewOrderDialog, type OrderLineInput } from '../components/NewOrderDialog';
import { OrdersList } from '../components/OrdersList';
import { useOrders } from '../hooks/useOrders';

/** Navigation state that opens the new-order form prefilled (from the renewals page). */
export interface OrdersPageState {
  orderLines?: OrderLineInput[];
}

/**
 * Operator: the inbox of primary dealers' orders. Dealer: its own orders and a new-order form; a
 * primary dealer also its secondaries' orders, as supplier.
 */
export function OrdersPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const prefill = (location.state as OrdersPageState | null)?.orderLines;
  const [formOpen, setFormOpen] = useState(() => !!prefill);
  const [created, setCreated] = useState<number | null>(null);
  const [tab, setTab] = useState<'buyer' | 'supplier'>('buyer');
  const isDealer = user.role === 'dealer';
  const supplied = useOrders({ role: 'supplier', page: 1, pageSize: 1 });
  const showSupplierTab = isDealer && (supplied.data?.total ?? 0) > 0;

  const closeForm = () => {
    setFormOpen(false);
    if (prefill) void navigate(location.pathname, { replace: true, state: null });
  };

  return (
    <Box>
      <PageHeader
        title={t(isDealer ? 'billing.orders.title' : 'billing.orders.inboxTitle')}
        subtitle={t(isDealer ? 'billing.orders.subtitle' : 'billing.orders.inboxSubtitle')}
        actions={
          isDealer && (
            <Button
              variant="contained"
              startIcon={<AddShoppingCartOutlined />}
              onClick={() => setFormOpen(true)}
            >
              {t('billing.orders.new')}
            </Button>
          )
        }
      />
      {created !== null && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setCreated(null)} data-testid="order-created">
          {t('billing.orders.created', { number: created })}
        </Alert>
      )}
      {isDealer ? (
        <>
          {showSupplierTab && (
            <Tabs value={tab} onChange={(_, v: 'buyer' | 'supplier') => setTab(v)} sx={{ mb: 2 }}>
              <Tab value="buyer" label={t('billing.orders.tabBuyer')} />
              <Tab value="supplier" label={t('billing.orders.tabSupplier')} />
            </Tabs>
          )}
          <OrdersList key={tab} role={showSupplierTab ? tab : 'buyer'} />
        </>
      ) : (
        <OrdersList role="supplier" />
      )}
      {formOpen && (
        <NewOrderDialog
          initialLines={prefill}
          onClose={closeForm}
          onCreated={(o) => {
            closeForm();
            setCreated(o.number);
            setTab('buyer');
          }}
        />
      )}
    </Box>
  );
}
