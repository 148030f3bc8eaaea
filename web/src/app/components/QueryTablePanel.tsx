import type { ReactNode } from 'react';
import { Box, LinearProgress, Paper } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import { useT } from '../i18n/useT';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingRows } from './LoadingRows';
import { PagedFooter } from './PagedFooter';

/** Paging state of a server-paged list; the total comes from the loaded page (`data.total`). */
export interface QueryTablePaging {
  /** Zero-based page. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  sizes?: number[];
}

type Rows = readonly unknown[];

/** `rows` may be left out when the data is a plain array or an `{ items }` page. */
type RowsProp<TData> = [TData] extends [Rows | { items: Rows }]
  ? { rows?: (data: TData) => Rows }
  : { rows: (data: TData) => Rows };

/** A footer is only possible when the data says how many rows the server has. */
type PagingProp<TData> = [TData] extends [{ total: number }]
  ? { paging?: QueryTablePaging }
  : { paging?: never };

export type QueryTablePanelProps<TData> = {
  query: UseQueryResult<TData>;
  /** Skeleton rows while the first load is pending. */
  loadingRows?: number;
  emptyIcon?: ReactNode;
  /** Defaults to "Nothing here yet". */
  emptyTitle?: string;
  emptyText?: ReactNode;
  emptyAction?: ReactNode;
  /** `paper` (default): inside an outlined Paper, loading and error padded; `none`: no frame. */
  frame?: 'paper' | 'none';
  /** The thin bar shown while a loaded list refetches (default on). */
  refetchBar?: boolean;
  /** The table (or list) for data with at least one row. */
  children: (data: TData) => ReactNode;
} & RowsProp<TData> &
  PagingProp<TData>;

function defaultRows(data: unknown): Rows {
  if (Array.isArray(data)) return data;
  return (data as { items: Rows }).items;
}

/**
 * The scaffold around a list loaded with TanStack Query: a refetch bar, then loading rows, an error
 * with retry, an empty state, or the table followed by the paging footer.
 */
export function QueryTablePanel<TData>(props: QueryTablePanelProps<TData>) {
  const {
    query,
    loadingRows = 5,
    emptyIcon,
    emptyTitle,
    emptyText,
    emptyAction,
    frame = 'paper',
    refetchBar = true,
    children,
    paging,
  } = props;
  const t = useT();
  const rows: (data: TData) => Rows = props.rows ?? defaultRows;
  const padded = (node: ReactNode) => (frame === 'paper' ? <Box sx={{ p: 2 }}>{node}</Box> : node);

  let body: ReactNode;
  if (query.isPending) body = padded(<LoadingRows rows={loadingRows} />);
  else if (query.isError)
    body = padded(<ErrorState error={query.error} onRetry={() => void query.refetch()} />);
  else if (rows(query.data).length === 0)
    body = (
      <EmptyState
        icon={emptyIcon}
        title={emptyTitle ?? t('common.nothingHereYet')}
        description={emptyText}
        action={emptyAction}
      />
    );
  else
    body = (
      <>
        {children(query.data)}
        {paging && <PagedFooter count={(query.data as { total: number }).total} {...paging} />}
      </>
    );

  return (
    <>
      {refetchBar && (
        <Box sx={{ height: 4, mb: 1 }}>{query.isFetching && !query.isPending && <LinearProgress />}</Box>
      )}
      {frame === 'paper' ? <Paper variant="outlined">{body}</Paper> : body}
    </>
  );
}
