import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { testCamera } from '../testCamera';
import { CamerasTable } from './CamerasTable';

afterEach(cleanup);

function renderTable(lang: 'en' | 'ja' = 'en') {
  const licensed = testCamera({ name: 'Entrance' });
  const lapsed = testCamera({ id: '00000000-0000-4000-8000-000000000002', channel: 2, licensed: false });
  const marked = testCamera({
    id: '00000000-0000-4000-8000-000000000003',
    channel: 3,
    licensed: false,
    doNotLicense: true,
  });
  return render(
    <MemoryRouter>
      <I18nProvider initial={lang}>
        <CamerasTable cameras={[licensed, lapsed, marked]} timeZone="Asia/Tokyo" />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('CamerasTable', () => {
  it('shows a licensed camera with its end date in the customer zone and days left', () => {
    const { getAllByTestId } = renderTable();
    const row = getAllByTestId('camera-row')[0];
    expect(row.dataset.lapsed).toBe('false');
    expect(within(row).getByText('Entrance')).toBeTruthy();
    expect(within(row).getByText('Licensed')).toBeTruthy();
    // 2027-12-31T14:59:59.999Z is the last instant of 31 Dec in Tokyo.
    expect(within(row).getByText('2027-12-31')).toBeTruthy();
    expect(within(row).getByText('404 days')).toBeTruthy();
  });

  it('marks a camera that never had a license UNLICENSED and says once what stopped and what still works', () => {
    const { getAllByTestId } = renderTable();
    const row = getAllByTestId('camera-row')[1];
    expect(row.dataset.lapsed).toBe('true');
    expect(within(row).getByText('Camera 2')).toBeTruthy();
    expect(within(row).getByTestId('lapsed-badge').textContent).toBe('UNLICENSED');
    // One explanation per device (one for each cause), not one under every camera.
    expect(getAllByTestId('lapse-summary')).toHaveLength(2);
    const summary = getAllByTestId('lapse-summary')[0].textContent ?? '';
    expect(summary).toContain('edge recording and remote viewing');
    expect(summary).toContain('Live view on the HDMI monitor');
  });

  it('flags "do not license" and explains the lapse accordingly', () => {
    const { getAllByTestId } = renderTable();
    expect(getAllByTestId('do-not-license-chip')).toHaveLength(1);
    expect(within(getAllByTestId('camera-row')[2]).getByTestId('do-not-license-chip')).toBeTruthy();
    expect(getAllByTestId('lapse-summary')[1].textContent).toContain('do not license');
  });

  it('calls a camera whose license ended LAPSED', () => {
    const ended = testCamera({ licensed: false, lapsedAt: '2026-11-20T00:00:00.000Z' });
    const { getByTestId } = render(
      <MemoryRouter>
        <I18nProvider initial="en">
          <CamerasTable
            cameras={[
              ended,
              testCamera({ id: '00000000-0000-4000-8000-000000000004', licensed: false, channel: 4 }),
            ]}
          />
        </I18nProvider>
      </MemoryRouter>,
    );
    expect(getByTestId('lapse-summary-row').querySelectorAll('[data-testid="lapse-summary"]')).toHaveLength(
      1,
    );
    const badges = document.querySelectorAll('[data-testid="lapsed-badge"]');
    expect(badges[0].textContent).toBe('LAPSED');
    expect(badges[1].textContent).toBe('UNLICENSED');
  });

  it('speaks Japanese', () => {
    const { getAllByTestId } = renderTable('ja');
    expect(within(getAllByTestId('camera-row')[1]).getByTestId('lapsed-badge').textContent).toBe(
      '未ライセンス',
    );
    expect(getAllByTestId('lapse-summary')[0].textContent).toContain('HDMIモニター');
  });
});
