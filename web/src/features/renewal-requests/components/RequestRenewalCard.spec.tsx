import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { testCamera } from '../../devices/testCamera';
import { RequestRenewalCard } from './RequestRenewalCard';

afterEach(cleanup);

describe('RequestRenewalCard', { timeout: 30_000 }, () => {
  it('says the note limit next to the note and blocks sending a longer one', async () => {
    const camera = testCamera({ endsAt: '2026-12-20T14:59:59.999Z', daysLeft: 20 });
    const f = renderForm(<RequestRenewalCard camera={camera} now={new Date('2026-11-30T00:00:00Z')} />, {
      routes: { '/portal/dealer': { companyName: 'Sakura Security', phone: '03-1234-5678' } },
    });
    await f.click('Request renewal');
    f.type('note', 'n'.repeat(501));
    expect(f.text()).toContain('At most 500 characters (now 501).');
    expect(f.field('note').value).toHaveLength(501);
    expect(f.button('Send request').disabled).toBe(true);
    f.type('note', 'Please renew before the holidays');
    expect(f.text()).toContain('32 / 500 characters');
    expect(f.button('Send request').disabled).toBe(false);
  });
});
