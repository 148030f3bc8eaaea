import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO } from './demo.js';

// English whatever language each account has; the choice persists in this context.
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

/** A demo customer no other journey touches. */
const CUSTOMER = { email: 'store@demo.example' };

async function signIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** The dealer assigns one license to the customer; the reminders job runs 82 days before it ends. */
async function reminderSent(api: APIRequestContext) {
  const login = await api.post('/api/auth/login', {
    data: { login: DEMO.dealer.loginId, password: DEMO.dealer.password },
  });
  expect(login.ok()).toBe(true);
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const customers = await api.get('/api/customers', { headers, params: { search: CUSTOMER.email } });
  const customerId = (await customers.json()).items[0].id as string;
  const assigned = await api.post('/api/assignments', {
    headers,
    data: { customerId, skuCode: 'EDGE-12M', quantity: 1 },
  });
  expect(assigned.status()).toBe(201);
  const endsAt = new Date((await assigned.json()).licenses[0].endsAt as string);
  try {
    await api.put('/api/dev/clock', {
      data: { now: new Date(endsAt.getTime() - 82 * 86_400_000).toISOString(), freeze: true },
    });
    const run = await api.post('/api/dev/jobs/reminders/run');
    expect((await run.json()).run.outcome).toBe('succeeded');
  } finally {
    await api.put('/api/dev/clock', { data: { now: null } });
  }
}

test('the dealer sees the reminder sent about its customer’s license, and opts in to receive them', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await reminderSent(request);
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const row = page.getByRole('row', { name: /Reminder · 90 days before/ }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(DEMO.dealer.email);
  await row.getByRole('button', { name: 'Show licenses' }).click();
  await expect(page.getByRole('cell', { name: 'EDGE-12M' }).first()).toBeVisible();

  const optIn = page.getByRole('switch', { name: 'E-mail me license reminders and notices' });
  await expect(optIn).not.toBeChecked();
  await optIn.click();
  await expect(optIn).toBeChecked();
  await page.reload();
  await expect(page.getByRole('switch', { name: 'E-mail me license reminders and notices' })).toBeChecked();
  // Leave the demo account as it was.
  await page.getByRole('switch', { name: 'E-mail me license reminders and notices' }).click();
  await expect(
    page.getByRole('switch', { name: 'E-mail me license reminders and notices' }),
  ).not.toBeChecked();
});
