import type { MyDealerView } from '@lc/shared';
import { apiRequest } from './client';

/** The signed-in customer's dealer (name and phone). */
export function getMyDealer(signal?: AbortSignal): Promise<MyDealerView> {
  return apiRequest<MyDealerView>('/portal/dealer', { signal });
}
