import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { DeviceView } from '@lc/shared';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { testCamera } from '../testCamera';
import { CommandsPanel } from './CommandsPanel';

afterEach(cleanup);
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })),
  );
});

function renderPanel(device: Pick<DeviceView, 'id' | 'type' | 'cameras'>, lang: 'en' | 'ja' = 'en') {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider initial={lang}>
        <CommandsPanel device={device} timeZone="Asia/Tokyo" />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

/** A button by its exact label (text queries: role queries are slow on MUI trees). */
const button = (name: string) => screen.queryByText(name, { selector: 'button' });

// The first render loads MUI cold; on a busy machine that alone can take over 5 s.
describe('CommandsPanel', { timeout: 30_000 }, () => {
  it('offers a licensed recorder every operation and the firmware reservation', () => {
    renderPanel({ id: 'd1', type: 'recorder', cameras: [testCamera()] });
    for (const name of ['Restart', 'Reset alarm', 'Error recovery', 'Thumbnail cache on']) {
      expect((button(name) as HTMLButtonElement).disabled).toBe(false);
    }
    expect(screen.getByText('Reserve a firmware update')).toBeTruthy();
    expect(screen.queryByTestId('operations-blocked')).toBeNull();
  });

  it('offers a camera-direct camera only a restart (seed 001 §2.1)', () => {
    renderPanel({ id: 'd2', type: 'camera', cameras: [testCamera({ kind: 'direct' })] });
    expect(button('Restart')).toBeTruthy();
    expect(button('Reset alarm')).toBeNull();
    expect(button('Error recovery')).toBeNull();
    expect(screen.queryByText('Reserve a firmware update')).toBeNull();
    expect(screen.getByTestId('camera-only-restart')).toBeTruthy();
  });

  it('disables everything on a lapsed recorder and says why, with the lapse panel', () => {
    renderPanel({
      id: 'd3',
      type: 'recorder',
      cameras: [testCamera({ licensed: false, lapsedAt: '2027-12-31T14:59:59.999Z' })],
    });
    expect((button('Restart') as HTMLButtonElement).disabled).toBe(true);
    const notice = screen.getByTestId('operations-blocked');
    expect(notice.textContent).toContain('none of this recorder’s cameras has a valid license');
    expect(notice.textContent).toContain('Since');
    expect(screen.getByTestId('lapse-stopped').textContent).toContain('Remote maintenance');
    expect(screen.getByTestId('lapse-kept').textContent).toContain('HDMI');
  });

  it('speaks Japanese for a never-licensed camera-direct camera', () => {
    renderPanel({ id: 'd4', type: 'camera', cameras: [testCamera({ licensed: false })] }, 'ja');
    expect(screen.getByTestId('operations-blocked').textContent).toContain(
      'ライセンスが割り当てられたことはありません',
    );
  });

  it('says the firmware version limit instead of cutting it, and blocks the reservation', () => {
    renderPanel({ id: 'd5', type: 'recorder', cameras: [testCamera()] });
    const version = document.querySelector('input[name="firmwareVersion"]') as HTMLInputElement;
    fireEvent.change(version, { target: { value: 'v'.repeat(41) } });
    expect(version.value).toHaveLength(41);
    expect(document.body.textContent).toContain('At most 40 characters (now 41).');
    fireEvent.change(screen.getByTestId('firmware-at'), { target: { value: '2099-01-01T03:00' } });
    expect((button('Reserve') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(version, { target: { value: '2.1.0' } });
    expect((button('Reserve') as HTMLButtonElement).disabled).toBe(false);
  });
});
