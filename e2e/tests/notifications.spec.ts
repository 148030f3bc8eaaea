import { expect, test, type APIRequestContext } from '@playwright/test';
import { ENGLISH_STORAGE, signIn } from './accounts.js';
import { assignLicenses, customerIdOf } from './setup.js';
import { DEMO } from './demo.js';

// English whatever language each account has; the choice persists in this context.
test.use({ storageState: ENGLISH_STORAGE });

/** A demo customer no other journey touches. */
const CUSTOMER = { email: 'store@demo.example' };

/** The dealer assigns one license to the customer; the reminders job runs 82 days before it ends. */
async function reminderSent(api: APIRequestContext) {
  const [license] = await assignLicenses(api, await customerIdOf(api, CUSTOMER.email));
  const endsAt = new Date(license!.endsAt);
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
