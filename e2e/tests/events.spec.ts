import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, mailOf, signIn, signOut } from './accounts.js';
import { addCustomer, registerRecorder, TEMPORARY } from './setup.js';

test.use({ storageState: ENGLISH_STORAGE });

/** A customer of the demo dealer (temporary password) with a recorder whose camera ch1 is licensed. */
async function customerWithLicensedCamera(request: APIRequestContext, stamp: string) {
  const email = `events-${stamp}@e2e.example`;
  await addCustomer(request, { name: `Events ${stamp}`, email, licenses: 1 });
  const { deviceId, credential } = await registerRecorder(request, {
    email,
    serial: `E2E-EV-${stamp}`,
    mac: '02:00:00:00:00:09',
  });
  return { email, deviceId, credential };
}

/** Signs in with the temporary password; "reset the password now?" is answered "Not yet" whenever asked. */
async function signInCustomer(page: Page, email: string): Promise<void> {
  const handover = page.getByTestId('handover-dialog');
  await page.addLocatorHandler(handover, async () => {
    await handover.getByRole('button', { name: 'Not yet' }).click();
  });
  await signIn(page, email, TEMPORARY);
}

test('schedule → motion event → the e-mail in the dev mailbox and the event in search', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const c = await customerWithLicensedCamera(request, stamp);
  await signInCustomer(page, c.email);

  // Notification settings: e-mail on, a schedule covering every day, all day.
  await page.goto('/event-notifications');
  await expect(page.getByRole('heading', { name: 'Notification settings' })).toBeVisible();
  await page.getByRole('switch', { name: 'E-mail' }).check();
  await page.getByRole('radio', { name: 'Schedule' }).check();
  await page.getByRole('button', { name: 'Sat' }).click();
  await page.getByRole('button', { name: 'Sun' }).click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('00:00');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('00:00');
  await expect(page.getByText('The same start and end time means the whole day.')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible();

  // The recorder reports a motion event on ch1 (what the simulator's key e does).
  const beat = await request.post('/api/device/heartbeat', {
    headers: { Authorization: `Device ${c.credential}` },
    data: { status: 'normal', events: [{ type: 'motion', channel: 1, message: 'gate' }] },
  });
  expect(beat.status()).toBe(200);

  const mail = await mailOf(request, c.email, 'device-event');
  expect(mail.data).toMatchObject({ deviceId: c.deviceId, type: 'motion' });
  const full = (await (
    await request.get(`/api/dev/mailbox?to=${encodeURIComponent(c.email)}`)
  ).json()) as Array<{
    template: string;
    subject: string;
    text: string;
  }>;
  const eventMail = full.find((m) => m.template === 'device-event')!;
  expect(eventMail.subject).toContain('Motion detection');

  // The event in search, as words; and the e-mail's link opens the search on it.
  await page.goto('/events');
  const row = page.getByTestId('event-row').first();
  await expect(row).toContainText('Motion detection');
  await expect(row).toContainText('gate');
  const link = /(\/events\?[^\s]+)/.exec(eventMail.text)![1];
  await page.goto(link);
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('event-row')).toContainText('Motion detection');

  // The header bell lists it.
  await page.getByRole('button', { name: 'Alarm notifications' }).click();
  await expect(page.getByTestId('alarm-bell')).toContainText('Motion detection');
});

test('the operator publishes an announcement; a customer reads it in messages', async ({ page, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const c = await customerWithLicensedCamera(request, `a${stamp}`);
  const title = `Maintenance window ${stamp}`;

  await signIn(page, DEMO.operator.email, DEMO.operator.password);
  await page.goto('/announcements');
  await page.getByTestId('ann-titleJa').fill(`メンテナンス ${stamp}`);
  await page.getByTestId('ann-titleEn').fill(title);
  await page.getByTestId('ann-bodyJa').fill('12月5日 2:00〜4:00 に実施します。');
  await page.getByTestId('ann-bodyEn').fill('On 5 December, 2:00–4:00.');
  await page.getByRole('button', { name: 'Publish' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Customers');
  await confirm.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Announcement published.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  await signOut(page);

  await signInCustomer(page, c.email);
  await expect(page.getByTestId('messages-badge')).toBeVisible();
  await page.getByTestId('messages-badge').click();
  await expect(page).toHaveURL(/\/messages/);
  const card = page.locator('.MuiCard-root', { hasText: title });
  await expect(card).toContainText('On 5 December');
  await expect(card).toContainText('New');
  await card.getByRole('button', { name: 'Mark as read' }).click();
  await expect(card.getByRole('button', { name: 'Mark as read' })).toBeHidden();
});
