import { expect, test } from '@playwright/test';
import { DEMO } from './demo.js';
import { ENGLISH_STORAGE, signIn } from './accounts.js';

test.use({ storageState: ENGLISH_STORAGE });

test('the demo dealer invites a member, edits the profile with a confirm step and reads the audit log', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const email = `member-${stamp}@e2e.example`;

  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  const nav = page.getByRole('navigation');

  await nav.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite member' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a member' });
  await invite.getByRole('textbox', { name: 'Name', exact: true }).fill(`Member ${stamp}`);
  await invite.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite).toBeHidden();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();

  await nav.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profile = page.getByRole('dialog');
  await profile.getByRole('textbox', { name: 'Department' }).fill(`Install team ${stamp}`);
  await profile.getByRole('button', { name: 'Next' }).click();
  await expect(profile.getByTestId('profile-diff')).toContainText(`Install team ${stamp}`);
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile).toBeHidden();
  await expect(page.getByText('The profile has been saved.')).toBeVisible();

  // The demo dealer is a primary dealer: its secondary dealers are a click away.
  await page.getByRole('link', { name: 'Secondary dealers' }).click();
  await expect(page.getByRole('heading', { name: 'Secondary dealers' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add secondary dealer' })).toBeVisible();

  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('cell', { name: 'Member invited', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Dealer profile changed', exact: true }).first()).toBeVisible();
});
