import { expect, test } from '@playwright/test';
import { ENGLISH_STORAGE, signIn } from './accounts.js';
import { DEMO } from './demo.js';

test.use({ storageState: ENGLISH_STORAGE });

test('the dealer owner adds a webhook endpoint, sees its secret once, sends a test event and creates an API key', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/integrations');
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const url = `http://127.0.0.1:9/hooks/${Date.now()}`;
  await page.getByLabel('URL').fill(url);
  await page.getByLabel('Order updated').check();
  await page.getByRole('button', { name: 'Save' }).click();
  const secret = page.getByRole('textbox', { name: 'Signing secret' });
  await expect(secret).toHaveValue(/^whsec_/);
  await page.getByRole('button', { name: 'Close' }).click();
  const row = page.getByRole('row').filter({ hasText: url });
  await expect(row).toContainText('Enabled');
  await expect(row).toContainText('Order updated');

  await row.getByRole('button', { name: 'Send test event' }).click();
  await expect(page.getByText('A test event was queued')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: /Test event/ })).toBeVisible();

  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByLabel('Name (what the key is for)').fill('E2E CRM');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'API keys' })).toHaveValue(/^lck_/);
  await page.getByRole('button', { name: 'Close' }).click();
  const key = page.getByRole('row').filter({ hasText: 'E2E CRM' }).first();
  await expect(key).toContainText('Never');
  await key.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(key).toContainText('Revoked');
});
