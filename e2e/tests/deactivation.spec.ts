import { expect, test } from '@playwright/test';
import { ENGLISH_STORAGE, mailOf } from './accounts.js';
import { addCustomer, signInWithTemporary, TEMPORARY } from './setup.js';

test.use({ storageState: ENGLISH_STORAGE });

test('a customer deactivates the account, lands on the login page and cannot sign in again', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `leaving-${stamp}@e2e.example`;
  // The demo dealer adds the customer with a temporary password and assigns it one edge license.
  await addCustomer(request, { name: `Leaving ${stamp}`, email, licenses: 1 });
  await signInWithTemporary(page, email);

  // Through the navigation: a reload would ask the handover question again.
  await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
  const card = page.getByTestId('deactivate-card');
  await card.getByRole('button', { name: 'Deactivate account' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('deactivate-impact')).toContainText('1 license becomes void');
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
