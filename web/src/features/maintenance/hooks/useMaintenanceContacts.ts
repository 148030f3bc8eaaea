import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getMaintenanceContacts, putMaintenanceContacts } from '../../../api/maintenance';
import { MY_DEALER_KEY } from '../../account/hooks/useMyDealer';

export const CONTACTS_KEY = ['maintenance', 'contacts'] as const;

/** `GET /api/dealers/me/maintenance-contacts`. */
export function useMaintenanceContacts() {
  return useQuery({ queryKey: CONTACTS_KEY, queryFn: ({ signal }) => getMaintenanceContacts(signal) });
}

/** `PUT /api/dealers/me/maintenance-contacts`. */
export function useSaveMaintenanceContacts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: putMaintenanceContacts,
    onSuccess: (d) => {
      qc.setQueryData(CONTACTS_KEY, d);
      void qc.invalidateQueries({ queryKey: MY_DEALER_KEY });
    },
  });
}
