import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

const TEMPORARY = 'Install!2026Go';

/** The demo dealer adds a customer with a temporary password and assigns it one edge license. */
async function freshCustomer(request: APIRequestContext, email: string, stamp: string): Promise<void> {
  const login = await request.post('/api/auth/login', {
    data: { login: DEMO.dealer.loginId, password: DEMO.dealer.password },
  });
  expect(login.status()).toBe(200);
  const auth = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const created = await request.post('/api/customers', {
    headers: auth,
    data: {
      name: `Leaving ${stamp}`,
      email,
      language: 'en',
      timeZone: 'Asia/Tokyo',
      temporaryPassword: TEMPORARY,
    },
  });
  expect(created.status()).toBe(201);
  const customerId = ((await created.json()) as { id: string }).id;
  const assigned = await request.post('/api/assignments', {
    headers: { ...auth, 'Idempotency-Key': `e2e-deactivation-${stamp}` },
    data: { customerId, skuCode: 'EDGE-12M', quantity: 1 },
  });
  expect(assigned.status()).toBe(201);
}

test('a customer deactivates the account, lands on the login page and cannot sign in again', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `leaving-${stamp}@e2e.example`;
  await freshCustomer(request, email, stamp);

  await signIn(page, email, TEMPORARY);
  const handover = page.getByTestId('handover-dialog');
  await expect(handover).toBeVisible();
  await handover.getByRole('button', { name: 'Not yet' }).click();
  await expect(handover).toBeHidden();

  // Through the navigation: a reload would ask the handover question again.
  await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
  const card = page.getByTestId('deactivate-card');
  await card.getByRole('button', { name: 'Deactivate account' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('deactivate-impact')).toContainText('1 licenses become void');
  await dialog.getByLabel('The price').check();
  await dialog.locator('input[name="password"]').fill(TEMPORARY);
  const submit = dialog.getByRole('button', { name: 'Deactivate permanently' });
  await expect(submit).toBeDisabled();
  await dialog.locator('input[name="confirmEmail"]').fill(email);
  await submit.click();

  await expect(page).toHaveURL(/\/login\?reason=deactivated/);
  await expect(page.getByTestId('signed-out-notice')).toContainText('deactivated');
  await mailOf(request, email, 'customer-deactivated');

  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill(TEMPORARY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
