import { describe, expect, it } from '@jest/globals';
import type { CustomerView, Page } from '@lc/shared';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

async function listAs(email: string): Promise<CustomerView[]> {
  const r = await t.http.get('/api/customers').set(bearer((await login(t, email)).accessToken));
  expect(r.status).toBe(200);
  return (r.body as Page<CustomerView>).items;
}

describe('the customers list: licenses, cameras and next expiry (issue 14)', () => {
  it('counts valid licenses and cameras and names the earliest end, per customer of this dealer only', async () => {
    const m = await makeDealerAndCustomer(t);
    const short = await licenses(t, m, 'edge', 12);
    const long = await licenses(t, m, 'edge', 36);
    await short.assign(1);
    await long.assign(2);
    await register(t, m.customerEmail, recorderSpec([1, 2, 3]));
    const [{ ends_at }] = (await t.ds.query(
      `SELECT min(ends_at) AS ends_at FROM license WHERE customer_id = $1`,
      [m.customerId],
    )) as { ends_at: Date }[];

    const [row] = await listAs(m.ownerEmail);
    expect(row).toMatchObject({ id: m.customerId, licenseCount: 3, cameraCount: 3 });
    expect(row.nextEndsAt).toBe(ends_at.toISOString());
    const detail = await t.http
      .get(`/api/customers/${m.customerId}`)
      .set(bearer((await login(t, m.ownerEmail)).accessToken));
    expect(detail.body).toMatchObject({ licenseCount: 3, cameraCount: 3, nextEndsAt: ends_at.toISOString() });

    const other = await makeDealerAndCustomer(t);
    const [theirs] = await listAs(other.ownerEmail);
    expect(theirs).toMatchObject({ id: other.customerId, licenseCount: 0, cameraCount: 0, nextEndsAt: null });

    // Once the 12-month license has ended (by the service's clock), it no longer counts.
    t.clock.set(new Date(ends_at.getTime() + 1000));
    const [later] = await listAs(m.ownerEmail);
    expect(later.licenseCount).toBe(2);
    expect(new Date(later.nextEndsAt!).getTime()).toBeGreaterThan(ends_at.getTime());
  });
});
