import { expect, test } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, signIn } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

test('the demo dealer opens a proxy session on a customer and exits it', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const name = `Proxy ${stamp}`;

  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();

  // A customer of our own, so the journey does not depend on the demo data.
  await page.getByRole('button', { name: 'Add customer' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('E-mail').fill(`proxy-${stamp}@e2e.example`);
  await dialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Open proxy session' }).click();
  const proxy = page.getByRole('dialog', { name: 'Open a proxy session' });
  await proxy.getByLabel('Reason').fill('E2E: checking the camera settings');
  await proxy.getByRole('button', { name: 'Open proxy session' }).click();

  const banner = page.getByTestId('proxy-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(name);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Devices' })).toBeVisible();

  await banner.getByRole('button', { name: 'Exit' }).click();
  await expect(banner).toBeHidden();
  await expect(page).toHaveURL(/\/customers\//);
  await expect(page.getByTestId('proxy-ended')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
});
