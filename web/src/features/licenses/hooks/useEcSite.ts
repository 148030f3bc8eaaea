import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getEcSite, setEcSiteDismissed } from '../../../api/licenses';

const EC_SITE_KEY = ['ec-site'] as const;

/** The EC shop link and whether the signed-in user dismissed its dialog (`GET /api/dealers/me/ec-site`). */
export function useEcSite() {
  return useQuery({ queryKey: EC_SITE_KEY, queryFn: ({ signal }) => getEcSite(signal) });
}

/** Dismisses the EC-site dialog for good (`PUT /api/dealers/me/ec-site/dismissed`). */
export function useDismissEcSite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => setEcSiteDismissed(true),
    onSuccess: () => void qc.invalidateQueries({ queryKey: EC_SITE_KEY }),
  });
}
