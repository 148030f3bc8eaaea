import { TablePagination } from '@mui/material';
import { useT } from '../i18n/useT';

export interface PagedFooterProps {
  /** Total rows on the server. */
  count: number;
  /** Zero-based page. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  sizes?: number[];
}

/**
 * Paging controls under a server-paged table, in the reader's language ("1–4 of 4", "1–4 / 4件");
 * changing the page size goes back to the first page. The console's only TablePagination: use
 * this component for every paged table.
 */
export function PagedFooter({
  count,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
  sizes = [20, 50, 100],
}: PagedFooterProps) {
  const t = useT();
  return (
    <TablePagination
      component="div"
      count={count}
      page={page}
      rowsPerPage={pageSize}
      rowsPerPageOptions={sizes}
      onPageChange={(_, p) => onPageChange(p)}
      onRowsPerPageChange={(e) => {
        onPageSizeChange(Number(e.target.value));
        onPageChange(0);
      }}
      labelRowsPerPage={t('common.rowsPerPage')}
      labelDisplayedRows={({ from, to, count: total }) =>
        total === -1
          ? t('common.displayedRowsMore', { from, to })
          : t('common.displayedRows', { from, to, count: total })
      }
      getItemAriaLabel={(type) => t(`common.page.${type}`)}
    />
  );
}
