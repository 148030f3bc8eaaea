import { expect, test } from '@playwright/test';
import { ENGLISH_STORAGE, signIn, signOut } from './accounts.js';
import { assignLicenses, customerIdOf, registerRecorder } from './setup.js';

test.use({ storageState: ENGLISH_STORAGE });

const CUSTOMER = { email: 'office@demo.example', password: 'Demo!2026pass' };
/** The secondary demo dealer maintains; the customer was sold by demo-dealer. */
const MAINTAINER = {
  loginId: 'demo-sub',
  email: 'owner@demo-sub.example',
  password: 'Demo!2026pass',
  phone: '06 2345 6789',
};

test('the customer links a recorder to a dealer; the dealer sees it in the monitoring list and schedules a restart', async ({
  page,
  request,
}) => {
  const serial = `E2E-MNT-${Date.now().toString(36)}`;

  // The selling dealer puts a license in the customer's pool, so the recorder's camera is licensed.
  await assignLicenses(request, await customerIdOf(request, CUSTOMER.email));
  // The recorder registers itself with the contract holder's e-mail and password.
  const device = await registerRecorder(request, {
    email: CUSTOMER.email,
    password: CUSTOMER.password,
    serial,
    model: 'REC-8',
    mac: '00:11:22:33:44:77',
  });

  // The customer links just this recorder to the maintaining dealer (phone typed with spaces).
  await signIn(page, CUSTOMER.email, CUSTOMER.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Remote maintenance' }).click();
  await expect(page.getByRole('heading', { name: 'Remote maintenance', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Dealer ID' }).fill(MAINTAINER.loginId);
  await page.getByRole('textbox', { name: "Dealer's phone number" }).fill('06 0000 0000');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('No dealer has this dealer ID and phone number');
  await page.getByRole('textbox', { name: "Dealer's phone number" }).fill(MAINTAINER.phone);
  await page.getByRole('radio', { name: 'Only the devices I choose' }).check();
  await page.getByRole('checkbox', { name: new RegExp(serial) }).check();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Linked to');
  await expect(page.getByTestId('maintenance-links')).toContainText(serial);
  await signOut(page);

  // The recorder reports an error log with a heartbeat; the maintaining dealer will read it.
  const logged = await request.post('/api/device/heartbeat', {
    headers: { Authorization: `Device ${device.credential}` },
    data: {
      status: 'normal',
      logs: [{ kind: 'error', code: 'E-DISK', message: 'disk 2 S.M.A.R.T. warning' }],
    },
  });
  expect(logged.status()).toBe(200);

  // The dealer finds it in its monitoring list and schedules a restart.
  await signIn(page, MAINTAINER.email, MAINTAINER.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Maintenance' }).click();
  await expect(page.getByRole('heading', { name: 'Remote monitoring' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Device name or serial' }).fill(serial);
  await page.getByRole('link', { name: serial }).click();
  await expect(page.getByRole('heading', { name: serial, level: 1 })).toBeVisible();
  await expect(page.getByTestId('operations-blocked')).toHaveCount(0);
  // Its connection history and logs, read through the maintenance link.
  await expect(page.getByRole('cell', { name: 'Registered', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByRole('table', { name: 'Error' })).toContainText('disk 2 S.M.A.R.T. warning');
  await page.getByRole('button', { name: 'Restart' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Restart');
  await confirm.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status')).toContainText('Restart queued.');
  await expect(page.getByTestId('maintenance-commands')).toContainText('Restart');

  // The recorder receives it with its next heartbeat.
  const hb = await request.post('/api/device/heartbeat', {
    headers: { Authorization: `Device ${device.credential}` },
    data: { status: 'normal' },
  });
  const commands = ((await hb.json()) as { commands: Array<{ kind: string }> }).commands;
  expect(commands.map((c) => c.kind)).toEqual(['restart']);
});
