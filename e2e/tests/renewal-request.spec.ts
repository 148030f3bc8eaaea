import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn, signOut } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

const TEMPORARY = 'Install!2026Go';

/** A customer of the demo dealer (temporary password) with a two-camera recorder and no license. */
async function customerWithRecorder(request: APIRequestContext, stamp: string) {
  const login = await request.post('/api/auth/login', {
    data: { login: DEMO.dealer.loginId, password: DEMO.dealer.password },
  });
  const auth = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const email = `renew-${stamp}@e2e.example`;
  const name = `Renewal ${stamp}`;
  const created = await request.post('/api/customers', {
    headers: auth,
    data: { name, email, language: 'en', timeZone: 'Asia/Tokyo', temporaryPassword: TEMPORARY },
  });
  expect(created.status()).toBe(201);
  const registered = await request.post('/api/device/register', {
    data: {
      email,
      password: TEMPORARY,
      device: {
        type: 'recorder',
        serial: `E2E-RNW-${stamp}`,
        model: 'REC-4',
        mac: '02:00:00:00:00:02',
        firmware: '1.0.0',
        cameras: [{ channel: 1, model: 'CAM-200' }],
      },
    },
  });
  expect(registered.status()).toBe(201);
  const { cameras } = (await registered.json()) as { cameras: unknown[] };
  expect(cameras).toHaveLength(1);
  return { email, name };
}

test('a customer asks for a renewal from its camera; the dealer sees it at home, by e-mail, and opens the wizard for that customer', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const c = await customerWithRecorder(request, stamp);

  await signIn(page, c.email, TEMPORARY);
  const handover = page.getByTestId('handover-dialog');
  await handover.getByRole('button', { name: 'Not yet' }).click();
  await expect(handover).toBeHidden();
  await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
  await page.getByTestId('device-tree').getByTestId('camera-name').click();
  const card = page.getByTestId('renewal-card');
  await expect(card.getByTestId('my-dealer')).toContainText('phone');
  await card.getByRole('button', { name: 'Request renewal' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Note to your dealer (optional)').fill('Please renew before the shop opens.');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('renewal-state')).toContainText('Renewal requested on');
  await signOut(page);

  await mailOf(request, 'owner@demo-dealer.example', 'renewal-requested');
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/dashboard');
  const requests = page.getByTestId('renewal-requests');
  const item = requests.getByRole('listitem').filter({ hasText: c.name });
  await expect(item).toContainText('Please renew before the shop opens.');
  await item.getByRole('link', { name: 'Assign licenses' }).click();
  await expect(page.getByTestId('wizard-renewal-request')).toContainText(c.name);
  await page.getByRole('combobox', { name: 'License (SKU)' }).click();
  await page.getByRole('option', { name: /^EDGE-12M / }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('wizard-selected-customer')).toContainText(c.email);
});
