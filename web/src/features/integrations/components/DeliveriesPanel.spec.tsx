import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { WebhookDeliveryView, WebhookEndpointView } from '@lc/shared';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { DeliveriesPanel } from './DeliveriesPanel';

const listDeliveries = vi.fn();
const redeliver = vi.fn();
vi.mock('../../../api/integrations', () => ({
  listDeliveries: (id: string) => listDeliveries(id),
  redeliver: (id: string, deliveryId: string) => redeliver(id, deliveryId),
}));

// Dates in the user's zone need a session; this panel's rows are what is tested here.
vi.mock('../../../app/i18n/useFormatDateTime', () => ({ useFormatDateTime: () => (iso: string) => iso }));

afterEach(() => {
  cleanup();
  listDeliveries.mockReset();
  redeliver.mockReset();
});

const ENDPOINT: WebhookEndpointView = {
  id: 'ep1',
  url: 'https://crm.example.com/hook',
  events: ['order.updated', 'invoice.issued'],
  status: 'enabled',
  disabledReason: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: '2027-01-01T00:00:00.000Z',
};

const delivery = (over: Partial<WebhookDeliveryView>): WebhookDeliveryView => ({
  id: 'd1',
  eventId: 'ev1',
  type: 'order.updated',
  status: 'succeeded',
  attempts: 1,
  lastStatusCode: 200,
  lastError: null,
  lastResponseExcerpt: 'ok',
  lastAttemptAt: '2027-01-01T00:01:00.000Z',
  nextAttemptAt: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  ...over,
});

function renderPanel(lang: 'en' | 'ja' = 'en') {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider initial={lang}>
        <DeliveriesPanel endpoint={ENDPOINT} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('DeliveriesPanel', () => {
  it('shows each delivery with its event in words, status, attempts, last answer and an excerpt', async () => {
    listDeliveries.mockResolvedValue([
      delivery({
        id: 'd2',
        type: 'invoice.issued',
        status: 'retrying',
        attempts: 3,
        lastStatusCode: 503,
        lastResponseExcerpt: 'Service Unavailable: receiver is down',
        nextAttemptAt: '2027-01-01T00:05:00.000Z',
      }),
      delivery({
        id: 'd3',
        status: 'failed',
        attempts: 2,
        lastStatusCode: null,
        lastError: 'timed out after 10000 ms',
        lastResponseExcerpt: null,
      }),
      delivery({ id: 'd1' }),
    ]);
    renderPanel();
    const retrying = (await screen.findByText('Service Unavailable: receiver is down')).closest('tr')!;
    expect(within(retrying).getByText('Invoice issued')).toBeTruthy();
    expect(within(retrying).getByText('Retrying')).toBeTruthy();
    expect(within(retrying).getByText('3')).toBeTruthy();
    expect(within(retrying).getByText('503')).toBeTruthy();
    const failed = screen.getByText('timed out after 10000 ms').closest('tr')!;
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('Order updated')).toBeTruthy();
    const ok = screen.getByText('ok').closest('tr')!;
    expect(within(ok).getByText('Delivered')).toBeTruthy();
    expect(within(ok).getByText('200')).toBeTruthy();
    expect(listDeliveries).toHaveBeenCalledWith('ep1');
    // Internal codes never show.
    expect(screen.queryByText('invoice.issued')).toBeNull();
    expect(screen.queryByText('retrying')).toBeNull();
  }, 30_000);

  it('redelivers the chosen delivery and says so', async () => {
    listDeliveries.mockResolvedValue([delivery({ id: 'd9', status: 'failed', lastStatusCode: 500 })]);
    redeliver.mockResolvedValue(undefined);
    renderPanel();
    const row = (await screen.findByText('500')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Redeliver' }));
    await waitFor(() => expect(redeliver).toHaveBeenCalledWith('ep1', 'd9'));
    expect(await screen.findByText('Queued for delivery again.')).toBeTruthy();
  }, 30_000);

  it('shows the empty state in Japanese when nothing was sent yet', async () => {
    listDeliveries.mockResolvedValue([]);
    renderPanel('ja');
    expect(await screen.findByText('イベントが発生すると配信履歴が表示されます。')).toBeTruthy();
  }, 30_000);
});
