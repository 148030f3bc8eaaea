import { useState } from 'react';
import type { QueryTablePaging } from '../components/QueryTablePanel';

export interface ListFilters<F> {
  filters: F;
  /** Sets one filter and goes back to the first page. */
  setFilter: <K extends keyof F>(key: K, value: F[K]) => void;
  /** Replaces several filters at once and goes back to the first page. */
  setFilters: (patch: Partial<F>) => void;
  /** Zero-based page, as the table footer counts. */
  page: number;
  pageSize: number;
  /** The page as the API counts it (first page = 1). */
  apiPage: number;
  /** Back to the first page (e.g. after a sort change). */
  resetPage: () => void;
  /** Ready for `QueryTablePanel`'s `paging` prop; a new page size goes back to the first page. */
  paging: QueryTablePaging;
}

/** Filters, page and page size of a server-paged list: any filter change returns to page 1. */
export function useListFilters<F extends object>(initial: F, initialPageSize = 20): ListFilters<F> {
  const [filters, setAll] = useState<F>(initial);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const setFilters = (patch: Partial<F>) => {
    setAll((f) => ({ ...f, ...patch }));
    setPage(0);
  };
  return {
    filters,
    setFilter: (key, value) => setFilters({ [key]: value } as unknown as Partial<F>),
    setFilters,
    page,
    pageSize,
    apiPage: page + 1,
    resetPage: () => setPage(0),
    paging: {
      page,
      pageSize,
      onPageChange: setPage,
      onPageSizeChange: (size) => {
        setPageSize(size);
        setPage(0);
      },
    },
  };
}
