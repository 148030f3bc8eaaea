import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

/** A fresh primary dealer whose owner has accepted the invitation (so the demo dealer is never suspended). */
async function freshDealer(request: APIRequestContext) {
  const stamp = Date.now().toString(36);
  const dealer = {
    loginId: `sus-${stamp}`.slice(0, 16),
    companyName: `Suspend Test ${stamp}`,
    email: `suspend-${stamp}@e2e.example`,
    password: 'Welcome!2026Go',
  };
  const op = await request.post('/api/auth/login', {
    data: { login: DEMO.operator.email, password: DEMO.operator.password },
  });
  const { accessToken } = (await op.json()) as { accessToken: string };
  const created = await request.post('/api/dealers', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      loginId: dealer.loginId,
      companyName: dealer.companyName,
      email: dealer.email,
      phone: '03-1234-5678',
      tier: 'primary',
    },
  });
  expect(created.status()).toBe(201);
  const mail = await mailOf(request, dealer.email, 'dealer-invitation');
  const accepted = await request.post('/api/auth/accept-invitation', {
    data: { token: String(mail.data.token), password: dealer.password },
  });
  expect(accepted.status()).toBe(204);
  return dealer;
}

test('the operator suspends a dealer, whose members are signed out and refused, and reinstates it', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const dealer = await freshDealer(request);

  // The dealer's owner is signed in in another browser.
  const dealerContext = await browser.newContext({ storageState: ENGLISH_STORAGE });
  const dealerPage = await dealerContext.newPage();
  await signIn(dealerPage, dealer.loginId, dealer.password);

  // The operator finds the dealer and suspends it after a confirmation that names it.
  await signIn(page, DEMO.operator.email, DEMO.operator.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dealers' }).click();
  await page.getByRole('textbox', { name: 'Search login ID, company or e-mail' }).fill(dealer.loginId);
  const row = page.getByRole('row', { name: new RegExp(dealer.loginId) });
  await expect(row.getByText('Active')).toBeVisible();
  await row.getByRole('link', { name: dealer.companyName }).click();
  await expect(page.getByRole('heading', { name: dealer.companyName })).toBeVisible();

  await page.getByTestId('suspend-dealer').click();
  const dialog = page.getByRole('dialog', { name: `Suspend ${dealer.companyName}?` });
  await expect(dialog.getByText('its members cannot sign in')).toBeVisible();
  await expect(dialog.getByText(/Its customers keep their service/)).toBeVisible();
  await dialog.getByTestId('suspend-reason').fill('Invoices unpaid for 90 days');
  await dialog.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Dealer suspended.')).toBeVisible();
  await expect(page.getByTestId('dealer-suspended-banner')).toContainText('Invoices unpaid for 90 days');
  await expect(page.getByTestId('dealer-state').getByTestId('dealer-suspended-chip')).toBeVisible();

  // The list shows the state too.
  await page.getByText('Back to dealers').click();
  await page.getByRole('textbox', { name: 'Search login ID, company or e-mail' }).fill(dealer.loginId);
  await expect(
    page.getByRole('row', { name: new RegExp(dealer.loginId) }).getByTestId('dealer-suspended-chip'),
  ).toBeVisible();

  // The dealer's open session ends at its next request, with the reason; signing in is refused.
  await dealerPage.reload();
  await expect(dealerPage).toHaveURL(/\/login\?reason=suspended/);
  await expect(dealerPage.getByTestId('signed-out-notice')).toContainText('This dealer account is suspended');
  await dealerPage.locator('input[name="login"]').fill(dealer.loginId);
  await dealerPage.locator('input[name="password"]').fill(dealer.password);
  await dealerPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(dealerPage.getByTestId('login-error')).toContainText(
    'This dealer account is suspended; contact the operator.',
  );

  // The audit log says it in words.
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByText('Dealer suspended').first()).toBeVisible();

  // Reinstated, the dealer signs in again.
  await page.getByRole('navigation').getByRole('link', { name: 'Dealers' }).click();
  await page.getByRole('textbox', { name: 'Search login ID, company or e-mail' }).fill(dealer.loginId);
  await page
    .getByRole('row', { name: new RegExp(dealer.loginId) })
    .getByRole('link', { name: dealer.companyName })
    .click();
  await page.getByTestId('reinstate-dealer').click();
  const back = page.getByRole('dialog', { name: `Reinstate ${dealer.companyName}?` });
  await back.getByRole('button', { name: 'Reinstate', exact: true }).click();
  await expect(back).toBeHidden();
  await expect(page.getByText('Dealer reinstated.')).toBeVisible();
  await expect(page.getByTestId('dealer-suspended-banner')).toBeHidden();

  await signIn(dealerPage, dealer.loginId, dealer.password);
  await dealerContext.close();
});
