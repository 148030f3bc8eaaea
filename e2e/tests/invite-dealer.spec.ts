import { expect, test } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

test('the operator invites a primary dealer, who accepts and signs in', async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const loginId = `e2e-${stamp}`.slice(0, 16);
  const email = `dealer-${stamp}@e2e.example`;
  const password = 'Welcome!2026Go';

  await signIn(page, DEMO.operator.email, DEMO.operator.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dealers' }).click();
  await expect(page.getByRole('heading', { name: 'Dealers' })).toBeVisible();

  await page.getByRole('button', { name: 'Add primary dealer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add primary dealer' });
  await dialog.getByLabel('Login ID').fill('x!');
  await expect(dialog.getByText('Use 3–16 characters of A–Z a–z 0–9 _ -')).toBeVisible();
  await dialog.getByLabel('Login ID').fill(loginId);
  await dialog.getByLabel('Company name').fill(`E2E Security ${stamp}`);
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Phone').fill('03-1234-5678');
  await dialog.getByRole('button', { name: 'Add and send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: loginId })).toBeVisible();

  const mail = await mailOf(request, email, 'dealer-invitation');
  const token = String(mail.data.token);

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto(`/accept-invitation?token=${encodeURIComponent(token)}`);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login\?done=password-set/);
  await expect(page.getByTestId('password-set-notice')).toBeVisible();

  await signIn(page, loginId, password);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
});
