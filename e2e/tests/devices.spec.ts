import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, signIn, signOut } from './accounts.js';
import { addCustomer, registerRecorder, signInWithTemporary, TEMPORARY } from './setup.js';

test.use({ storageState: ENGLISH_STORAGE });

/**
 * The demo dealer adds a customer with a temporary password and assigns it ONE edge license; a
 * recorder with two cameras registers with the customer's e-mail and password, so the license binds
 * to channel 1 and channel 2 has none.
 */
async function customerWithRecorder(request: APIRequestContext, email: string, serial: string) {
  const stamp = serial.split('-').pop()!;
  const { customerId, licenses } = await addCustomer(request, {
    name: `Devices ${stamp}`,
    email,
    licenses: 1,
  });
  await registerRecorder(request, { email, serial, channels: [1, 2] });
  return { customerId, license: licenses[0]! };
}

test('the customer sees the camera that never had a license as UNLICENSED, with what stopped and what still works', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `devices-${stamp}@e2e.example`;
  const serial = `E2E-REC-${stamp}`;

  const { customerId, license } = await customerWithRecorder(request, email, serial);

  await signInWithTemporary(page, email);
  await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
  const tree = page.getByTestId('device-tree');
  await expect(tree).toBeVisible();
  await expect(tree.getByTestId('device-name')).toHaveText(`REC-4 (${serial})`);
  await expect(page.getByTestId('lapsed-alert')).toContainText('1 camera has no valid license');

  const rows = tree.getByTestId('camera-row');
  await expect(rows).toHaveCount(2);
  const licensed = rows.filter({ hasText: 'Camera 1' });
  const lapsed = rows.filter({ hasText: 'Camera 2' });
  await expect(licensed).toHaveAttribute('data-lapsed', 'false');
  await expect(licensed.getByTestId('license-status')).toHaveText('Licensed');
  await expect(lapsed).toHaveAttribute('data-lapsed', 'true');
  await expect(lapsed.getByTestId('lapsed-badge')).toHaveText('UNLICENSED');

  // The reason, in the tree itself…
  const summary = tree.getByTestId('lapse-summary');
  await expect(summary).toContainText('edge recording and remote viewing');
  await expect(summary).toContainText('Live view on the HDMI monitor');
  // …and in the badge's tooltip: the §3 lists.
  await lapsed.getByTestId('lapsed-badge').hover();
  const tooltip = page.getByTestId('lapse-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('No license has been bound to this camera yet.');
  await expect(tooltip.getByTestId('lapse-stopped')).toContainText('Edge recording (recorder / SD card)');
  await expect(tooltip.getByTestId('lapse-stopped')).toContainText('Remote live view');
  await expect(tooltip.getByTestId('lapse-kept')).toContainText('Live view on the recorder HDMI monitor');

  // The pool is empty: the only license is in use.
  await expect(page.getByTestId('pool-empty')).toBeVisible();

  // The camera page lists the capabilities on and off.
  await lapsed.getByTestId('camera-name').click();
  await expect(page.getByRole('heading', { name: 'Camera 2' })).toBeVisible();
  // The warning says why and how to restore it; the capabilities card alone says what stopped.
  await expect(page.getByTestId('camera-lapse')).toContainText(
    'No license has been bound to this camera yet.',
  );
  await expect(page.getByTestId('camera-lapse')).not.toContainText('Edge recording');
  await expect(page.getByTestId('capability-edgeRecording')).toHaveAttribute('data-on', 'false');
  await expect(page.getByTestId('capability-remoteLive')).toHaveAttribute('data-on', 'false');
  await expect(page.getByTestId('capability-hdmiLive')).toHaveAttribute('data-on', 'true');
  await expect(page.getByTestId('capability-sdExport')).toHaveAttribute('data-on', 'true');
  await signOut(page);

  // The dealer reads the same tree on the customer's Devices tab (read-only).
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto(`/customers/${customerId}?tab=devices`);
  const dealerTree = page.getByTestId('customer-devices-tab').getByTestId('device-tree');
  await expect(dealerTree.getByTestId('camera-row').filter({ hasText: 'Camera 2' })).toHaveAttribute(
    'data-lapsed',
    'true',
  );
  // …and one click opens the assignment wizard for this customer.
  await page.getByTestId('devices-assign-licenses').click();
  await expect(page).toHaveURL(new RegExp(`/assignments/new\\?customerId=${customerId}`));
  await signOut(page);

  // Time passes beyond the license's end: the expiry sweep lapses camera 1 too.
  const after = new Date(Date.parse(license.endsAt) + 24 * 3600_000).toISOString();
  try {
    expect((await request.put('/api/dev/clock', { data: { now: after } })).ok()).toBe(true);
    expect((await request.post('/api/dev/jobs/expiry-sweep/run')).ok()).toBe(true);
    await signInWithTemporary(page, email);
    await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
    await expect(page.getByTestId('lapsed-alert')).toContainText('2 cameras have no valid license');
    const first = page.getByTestId('camera-row').filter({ hasText: 'Camera 1' });
    await expect(first).toHaveAttribute('data-lapsed', 'true');
    await expect(first.getByTestId('lapsed-badge')).toHaveText('LAPSED');
    await expect(page.getByTestId('lapse-summary')).toHaveCount(1);
    await first.getByTestId('lapsed-badge').hover();
    await expect(page.getByTestId('lapse-tooltip')).toContainText('Without a license since');
    await signOut(page);
  } finally {
    await request.put('/api/dev/clock', { data: { now: null } });
  }
});

test('inside a proxy session the dealer moves the license to the lapsed camera but cannot delete the device', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `devices-proxy-${stamp}@e2e.example`;
  const serial = `E2E-PRX-${stamp}`;
  const { customerId } = await customerWithRecorder(request, email, serial);

  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto(`/customers/${customerId}`);
  await page.getByRole('button', { name: 'Open proxy session' }).click();
  const proxy = page.getByRole('dialog', { name: 'Open a proxy session' });
  await proxy.getByLabel('Reason').fill('E2E: moving a camera license');
  await proxy.getByRole('button', { name: 'Open proxy session' }).click();
  await expect(page.getByTestId('proxy-banner')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
  const rows = page.getByTestId('camera-row');
  await expect(rows.filter({ hasText: 'Camera 2' })).toHaveAttribute('data-lapsed', 'true');
  await rows.filter({ hasText: 'Camera 1' }).getByTestId('camera-name').click();
  await page.getByRole('button', { name: 'Transfer license' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer the license to another camera' });
  await dialog.getByLabel('Target camera').click();
  await page.getByRole('option', { name: /Camera 2/ }).click();
  await expect(dialog.getByTestId('transfer-confirmation')).toContainText('keeps its end date');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/The license now belongs to .*Camera 2/)).toBeVisible();
  // Camera 1 is now the lapsed one, marked "do not license" in the same step.
  await expect(page.getByTestId('camera-lapse')).toBeVisible();
  await expect(page.getByTestId('camera-dnl')).toHaveText('Yes');
  await expect(page.getByTestId('capability-edgeRecording')).toHaveAttribute('data-on', 'false');

  await page.getByRole('link', { name: 'Back to the device' }).click();
  await expect(page.getByTestId('camera-row').filter({ hasText: 'Camera 2' })).toHaveAttribute(
    'data-lapsed',
    'false',
  );
  await expect(
    page.getByTestId('camera-row').filter({ hasText: 'Camera 1' }).getByTestId('do-not-license-chip'),
  ).toBeVisible();
  // Deleting needs the contract holder's password, which the dealer does not know.
  await expect(page.getByRole('button', { name: 'Delete device' })).toBeDisabled();
  await page.getByTestId('proxy-banner').getByRole('button', { name: 'Exit' }).click();
  await expect(page.getByTestId('proxy-banner')).toBeHidden();
});

test('the customer reserves a firmware update, exchanges the recorder (licenses move) and deletes it (licenses forfeited)', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `devices-exchange-${stamp}@e2e.example`;
  const serial = `E2E-XCH-${stamp}`;
  const replacement = `E2E-XCH2-${stamp}`;
  await customerWithRecorder(request, email, serial);

  await signInWithTemporary(page, email);
  await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
  await page.getByTestId('device-card').getByRole('link', { name: 'Details' }).click();
  await expect(page.getByTestId('device-serial')).toHaveText(serial);

  // A firmware update only for a future time.
  await page.getByRole('tab', { name: 'Operations' }).click();
  await page.getByTestId('firmware-at').fill('2020-01-01T10:00');
  await expect(page.getByText('Choose a time in the future')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reserve' })).toBeDisabled();
  await page.getByTestId('firmware-at').fill('2099-01-01T10:00');
  await page.getByRole('button', { name: 'Reserve' }).click();
  await page.getByTestId('confirm-dialog-ok').click();
  await expect(page.getByTestId('command-queued')).toBeVisible();
  await expect(page.getByTestId('command-row').first()).toContainText('Waiting');

  // Exchange: the one bound license moves to the replacement.
  await page.getByRole('button', { name: 'Exchange device' }).click();
  const exchange = page.getByRole('dialog', { name: 'Exchange the device for a replacement' });
  await expect(exchange.getByTestId('exchange-licenses')).toContainText('1 license moves');
  await exchange.getByLabel('New serial number').fill(replacement);
  await exchange.getByLabel('MAC address').fill('02:00:00:00:00:02');
  await exchange.getByRole('button', { name: 'Exchange', exact: true }).click();
  await expect(page.getByTestId('exchange-done')).toContainText('1 license moved');
  await expect(page.getByTestId('device-serial')).toHaveText(replacement);

  // Delete: the dialog names what is forfeited and wants the password and the serial.
  await page.getByRole('button', { name: 'Delete device' }).click();
  const del = page.getByRole('dialog', { name: 'Delete the device' });
  await expect(del.getByTestId('deletion-impact')).toContainText('1 license bound');
  await expect(del.getByTestId('deletion-impact')).toContainText('days of license time are forfeited');
  await del.getByLabel('Your password').fill(TEMPORARY);
  await del.getByTestId('delete-confirm-serial').fill(serial);
  await expect(del.getByRole('button', { name: 'Delete for good' })).toBeDisabled();
  await del.getByTestId('delete-confirm-serial').fill(replacement);
  await del.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('device-deleted')).toContainText(
    `The device ${replacement} was deleted; 1 license and`,
  );
  await expect(page.getByTestId('empty-state')).toContainText('No devices registered yet');
});
