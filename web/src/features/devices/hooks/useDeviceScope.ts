import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { getCustomer } from '../../../api/accounts';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { CUSTOMERS_KEY } from '../../customers/hooks/useCustomers';

export interface DeviceScope {
  /** Set when a dealer reads one of its customers (`/customers/:customerId/...`). */
  customerId?: string;
  /** Only the customer itself (or a dealer inside a proxy session) may change anything. */
  readOnly: boolean;
  /** The customer's time zone (license ends are calendar dates there). */
  timeZone?: string;
  /** A proxy session: the dealer acts as the customer but does not know its password. */
  proxy: boolean;
}

/** Who is looking at a device page, from the route and the session. */
export function useDeviceScope(): DeviceScope {
  const user = useCurrentUser();
  const { customerId } = useParams();
  const dealerView = user.role === 'dealer' && !!customerId;
  const customer = useCustomerIf(dealerView ? customerId : undefined);
  return {
    customerId: dealerView ? customerId : undefined,
    readOnly: user.role !== 'customer',
    timeZone: dealerView ? customer : user.timeZone,
    proxy: !!user.proxy,
  };
}

/** The dealer's customer's time zone (same cache entry as the customer detail page). */
function useCustomerIf(id: string | undefined): string | undefined {
  const c = useQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', id],
    queryFn: ({ signal }) => getCustomer(id!, signal),
    enabled: !!id,
  });
  return c.data?.timeZone;
}
