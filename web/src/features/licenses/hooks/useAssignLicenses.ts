import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignLicenses } from '../../../api/licenses';

/** Assigns licenses from stock to a customer (`POST /api/assignments`). */
export function useAssignLicenses() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { customerId: string; skuCode: string; quantity: number; key: string }) =>
      assignLicenses(body, key),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stock'] });
      void qc.invalidateQueries({ queryKey: ['assignments'] });
      void qc.invalidateQueries({ queryKey: ['customer-licenses'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
