import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSku, updateSku, type CreateSkuBody, type UpdateSkuBody } from '../../../api/licenses';
import { SKUS_KEY } from './useSkus';

/** Creates a SKU (`POST /api/skus`). */
export function useCreateSku() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSkuBody) => createSku(body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SKUS_KEY }),
  });
}

/** Changes a SKU's prices or whether it can be ordered (`PATCH /api/skus/:code`). */
export function useUpdateSku() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateSkuBody }) => updateSku(code, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SKUS_KEY }),
  });
}
