import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { I18nProvider } from '../i18n/I18nProvider';
import { QueryTablePanel, type QueryTablePaging } from './QueryTablePanel';

afterEach(cleanup);

interface Page {
  items: string[];
  total: number;
}

function renderPanel(queryFn: () => Promise<Page>, paging?: QueryTablePaging) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  function Harness() {
    const query = useQuery({ queryKey: ['rows'], queryFn });
    return (
      <QueryTablePanel query={query} loadingRows={3} emptyText="No rows yet." paging={paging}>
        {(data) => (
          <ul data-testid="rows">
            {data.items.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </QueryTablePanel>
    );
  }
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider initial="en">
        <Harness />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const paging = (): QueryTablePaging => ({
  page: 0,
  pageSize: 20,
  onPageChange: vi.fn(),
  onPageSizeChange: vi.fn(),
});

describe('QueryTablePanel', () => {
  it('shows loading rows while the first load is pending', () => {
    const { container } = renderPanel(() => new Promise<Page>(() => {}));
    const loading = screen.getByRole('progressbar', { name: 'Loading…' });
    expect(loading.getAttribute('aria-busy')).toBe('true');
    expect(loading.querySelectorAll('.MuiSkeleton-root')).toHaveLength(3);
    expect(container.querySelector('.MuiLinearProgress-root')).toBeNull();
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });

  it('shows the error with a retry that refetches', async () => {
    const queryFn = vi
      .fn<() => Promise<Page>>()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValue({ items: ['after retry'], total: 1 });
    renderPanel(queryFn);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load this page');
    expect(screen.queryByTestId('rows')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('after retry')).toBeTruthy();
    expect(queryFn).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the empty state with the default title and no table or footer', async () => {
    renderPanel(() => Promise.resolve({ items: [], total: 0 }), paging());
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Nothing here yet');
    expect(empty.textContent).toContain('No rows yet.');
    expect(screen.queryByTestId('rows')).toBeNull();
    expect(screen.queryByText('Rows per page')).toBeNull();
  });

  it('renders the table with a footer counting the server total', async () => {
    const p = paging();
    renderPanel(() => Promise.resolve({ items: ['a', 'b'], total: 45 }), p);
    const rows = await screen.findByTestId('rows');
    expect(rows.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getByText('Rows per page')).toBeTruthy();
    expect(screen.getByText('1–20 of 45')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(p.onPageChange).toHaveBeenCalledWith(1);
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });

  it('renders no footer without paging', async () => {
    renderPanel(() => Promise.resolve({ items: ['a'], total: 45 }));
    await screen.findByTestId('rows');
    expect(screen.queryByText('Rows per page')).toBeNull();
  });
});
