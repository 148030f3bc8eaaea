import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn, signOut } from './accounts.js';
import { addCustomer, registerRecorder, signInWithTemporary } from './setup.js';

test.use({ storageState: ENGLISH_STORAGE });

/** A customer of the demo dealer (temporary password) with a one-camera recorder and no license. */
async function customerWithRecorder(request: APIRequestContext, stamp: string) {
  const email = `renew-${stamp}@e2e.example`;
  const name = `Renewal ${stamp}`;
  await addCustomer(request, { name, email });
  const { cameras } = await registerRecorder(request, {
    email,
    serial: `E2E-RNW-${stamp}`,
    mac: '02:00:00:00:00:02',
  });
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

  await signInWithTemporary(page, c.email);
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
