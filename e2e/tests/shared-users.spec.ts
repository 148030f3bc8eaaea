import { expect, test, type APIRequestContext } from '@playwright/test';
import { ENGLISH_STORAGE, mailOf, signIn, signOut } from './accounts.js';
import { addCustomer, registerRecorder, signInWithTemporary, TEMPORARY } from './setup.js';

test.use({ storageState: ENGLISH_STORAGE });

const SHARED_PASSWORD = 'Watch!2026eyes';

/** A customer of the demo dealer (temporary password) with a 3-camera recorder, all licensed. */
async function equippedCustomer(request: APIRequestContext, email: string, stamp: string): Promise<void> {
  await addCustomer(request, { name: `Sharing ${stamp}`, email, licenses: 3 });
  await registerRecorder(request, {
    email,
    serial: `SHR-${stamp}`,
    model: 'REC-8',
    mac: '00:11:22:33:44:77',
    channels: [1, 2, 3],
  });
}

test('the holder shares two cameras; the shared user sees only those, is refused playback; the holder deletes them', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const holderEmail = `holder-${stamp}@e2e.example`;
  const sharedEmail = `viewer-${stamp}@e2e.example`;
  await equippedCustomer(request, holderEmail, stamp);

  // The holder invites a shared user and shares cameras 1 and 3 (live view only).
  await signInWithTemporary(page, holderEmail);
  await page.getByRole('navigation').getByRole('link', { name: 'Shared users' }).click();
  await page.getByRole('button', { name: 'Add shared user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name (up to 32 characters)').fill('Night guard');
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(sharedEmail);
  await dialog.getByLabel('Camera 1').check();
  await dialog.getByLabel('Camera 3').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(`Invitation sent to ${sharedEmail}`);
  const table = page.getByTestId('shared-users-table');
  await expect(table).toContainText('Night guard');
  await expect(table).toContainText('2 cameras');
  await expect(table).toContainText('Invited');
  await signOut(page);

  // The shared user accepts the invitation and signs in.
  const { token } = (await mailOf(request, sharedEmail, 'shared-user-invitation')).data as { token: string };
  await page.goto(`/accept-invitation?token=${encodeURIComponent(token)}`);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(SHARED_PASSWORD);
  await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(SHARED_PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login\?done=password-set/);
  await signIn(page, sharedEmail, SHARED_PASSWORD);

  // Only the two shared cameras; no licenses or shared-user management in the navigation.
  await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
  const tree = page.getByTestId('device-tree');
  await expect(tree).toContainText('Camera 1');
  await expect(tree).toContainText('Camera 3');
  await expect(tree).not.toContainText('Camera 2');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Shared users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Licenses' })).toHaveCount(0);

  // Live is allowed; playback is refused with the reason.
  await tree.getByRole('link', { name: 'Camera 1' }).first().click();
  const stream = page.getByTestId('stream-panel');
  await stream.getByRole('button', { name: 'Live' }).click();
  await expect(page.getByTestId('stream-granted')).toBeVisible();
  await stream.getByRole('button', { name: 'Playback' }).click();
  await expect(page.getByTestId('stream-refused')).toContainText('has not allowed you Playback');
  await signOut(page);

  // The holder deletes the shared user with the password.
  await signInWithTemporary(page, holderEmail);
  await page.getByRole('navigation').getByRole('link', { name: 'Shared users' }).click();
  await expect(page.getByTestId('shared-users-table')).toContainText('Active');
  await page.getByTestId('shared-users-table').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByLabel('Your password').fill('Wrong!2026pass');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toContainText('The password is wrong.');
  await confirm.getByLabel('Your password').fill(TEMPORARY);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status')).toContainText('Night guard was deleted.');
  await expect(page.getByTestId('empty-state')).toBeVisible();

  // The shared user can no longer sign in.
  const again = await request.post('/api/auth/login', {
    data: { login: sharedEmail, password: SHARED_PASSWORD },
  });
  expect(again.status()).toBe(401);
});
