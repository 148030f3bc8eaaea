import { expect, test } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn, signOut } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

test('a customer added with a temporary password is asked about the handover at every sign-in', async ({
  page,
  request,
}) => {
  // Three sign-ins and two mails: more than the default 30 s on a loaded machine.
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const email = `customer-${stamp}@e2e.example`;
  const temporary = 'Install!2026Go';

  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'Add customer' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Handover ${stamp}`);
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Temporary password (optional)').fill(temporary);
  await expect(dialog.getByTestId('password-hints')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: `Handover ${stamp}` })).toBeVisible();
  await signOut(page);

  await signIn(page, email, temporary);
  const handover = page.getByTestId('handover-dialog');
  await expect(handover).toBeVisible();
  await handover.getByRole('button', { name: 'Not yet' }).click();
  await expect(handover).toBeHidden();
  await signOut(page);

  await signIn(page, email, temporary);
  await expect(handover).toBeVisible();
  await handover.getByRole('button', { name: 'Yes, send the set-password e-mail' }).click();
  await expect(handover).toBeHidden();
  await expect(page.getByTestId('handover-sent')).toBeVisible();

  const mail = await mailOf(request, email, 'customer-set-password');
  expect(mail.data.token).toBeTruthy();
});
