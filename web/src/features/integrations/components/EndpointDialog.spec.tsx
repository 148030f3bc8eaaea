import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { EndpointDialog } from './EndpointDialog';

const createWebhook = vi.fn();
vi.mock('../../../api/integrations', () => ({ createWebhook: (b: unknown) => createWebhook(b) }));

afterEach(() => {
  cleanup();
  createWebhook.mockReset();
});

function renderDialog(onCreated = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider initial="en">
        <EndpointDialog open onClose={() => undefined} onCreated={onCreated} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return onCreated;
}

describe('EndpointDialog', () => {
  it('asks for at least one event next to the list and sends nothing', () => {
    renderDialog();
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://crm.example.com/hook' } });
    fireEvent.click(screen.getByLabelText('License expiring (90/60/30/14 days, 24 hours)'));
    fireEvent.click(screen.getByLabelText('Camera lapsed'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();
    expect(createWebhook).not.toHaveBeenCalled();
  }, 30_000);

  it('creates the endpoint with the chosen events and hands over the secret shown once', async () => {
    createWebhook.mockResolvedValue({ id: 'e1', url: 'https://crm.example.com/hook', secret: 'whsec_abc' });
    const onCreated = renderDialog();
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: ' https://crm.example.com/hook ' } });
    fireEvent.click(screen.getByLabelText('Order updated'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ secret: 'whsec_abc' })),
    );
    expect(createWebhook).toHaveBeenCalledWith({
      url: 'https://crm.example.com/hook',
      events: ['license.expiring', 'camera.lapsed', 'order.updated'],
    });
  }, 30_000);
});
