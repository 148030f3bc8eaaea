import { expect, test } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn, signOut } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

test('a customer resets a forgotten password with the e-mailed code, then asks to change the e-mail', async ({
  page,
  request,
}) => {
  // Three sign-ins and two mails: more than the default 30 s on a loaded machine.
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const email = `reset-${stamp}@e2e.example`;
  const newPassword = 'Renewed!2026Go';

  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'Add customer' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Reset ${stamp}`);
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Temporary password (optional)').fill('Install!2026Go');
  await dialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(dialog).toBeHidden();
  await signOut(page);

  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  const mail = await mailOf(request, email, 'password-reset');
  await page.getByRole('textbox', { name: '6-digit code' }).fill(String(mail.data.code));
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(newPassword);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByTestId('password-set-notice')).toBeVisible();

  await signIn(page, email, newPassword);
  // A password of the customer's own ends the handover question.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Messages' })).toBeVisible();
  await expect(page.getByTestId('handover-dialog')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Change e-mail' }).click();
  const change = page.getByRole('dialog', { name: 'Change your e-mail' });
  await change.getByRole('textbox', { name: 'New e-mail' }).fill(`new-${email}`);
  await change.getByLabel('Current password').fill(newPassword);
  await change.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText(`Check your inbox at new-${email}`)).toBeVisible();

  const confirm = await mailOf(request, `new-${email}`, 'email-change-confirm');
  await signOut(page);
  await page.goto(`/confirm-email?token=${encodeURIComponent(String(confirm.data.token))}`);
  await expect(page.getByText('Your e-mail address has been changed.')).toBeVisible();
});
