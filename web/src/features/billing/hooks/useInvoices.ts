import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listInvoices, type InvoiceQuery } from '../../../api/billing';

export const INVOICES_KEY = ['invoices'] as const;

/** A page of invoices (`GET /api/invoices`). */
export function useInvoices(query: InvoiceQuery) {
  return useQuery({
    queryKey: [...INVOICES_KEY, query],
    queryFn: ({ signal }) => listInvoices(query, signal),
    placeholderData: keepPreviousData,
  });
}
