import { expect, test } from '@playwright/test';
import { DEMO } from './demo.js';

// Start from a browser that remembers English, whatever language the demo dealer's account has, so
// that the switch to Japanese is visible. Later choices persist in the same context.
test.use({
  storageState: {
    cookies: [],
    origins: [
      {
        origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
        localStorage: [{ name: 'lc.lang', value: 'en' }],
      },
    ],
  },
});

test('open the console, log in as the demo dealer, switch to Japanese, log out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.locator('input[name="login"]').fill(DEMO.dealer.loginId);
  await page.locator('input[name="password"]').fill(DEMO.dealer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Customers' })).toBeVisible();
  await expect(page.getByTestId('app-title')).toHaveText('License Console');

  await page.getByTestId('lang-switch').click();
  await expect(nav.getByRole('link', { name: '顧客' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('app-title')).toHaveText('ライセンスコンソール');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'サインイン' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});
