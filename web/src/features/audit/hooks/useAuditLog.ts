import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAudit, type AuditQuery } from '../../../api/accounts';

export const AUDIT_KEY = ['audit'] as const;

/** A page of the audit log the user may see (`GET /api/audit`). */
export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: [...AUDIT_KEY, query],
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
}
