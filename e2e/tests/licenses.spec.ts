import { expect, test, type Page } from '@playwright/test';
import { ENGLISH_STORAGE, signIn, signOut } from './accounts.js';
import { DEMO } from './demo.js';

// English whatever language each account has; the choice persists in this context.
test.use({ storageState: ENGLISH_STORAGE });

/** A demo customer no other journey touches. */
const CUSTOMER = { email: 'office@demo.example', name: 'Harbor Logistics', password: DEMO.dealer.password };
const SKU = 'EDGE-36M';

async function customerLicenseCount(page: Page): Promise<number> {
  await signIn(page, CUSTOMER.email, CUSTOMER.password);
  await page.goto('/licenses');
  await expect(page.getByTestId('customer-licenses-table').or(page.getByTestId('empty-state'))).toBeVisible();
  return page.getByTestId('license-row').count();
}

test('dealer orders, operator fulfils, dealer assigns two licenses, customer sees them', async ({ page }) => {
  // Four sign-ins and a dozen steps: more than the default 30 s on a slow machine.
  test.setTimeout(120_000);
  const before = await customerLicenseCount(page);
  await signOut(page);

  // The dealer orders two licenses.
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/orders');
  await page.getByRole('button', { name: 'New order' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('combobox', { name: 'License (SKU)' }).click();
  await page.getByRole('option', { name: new RegExp(`^${SKU} `) }).click();
  await form.getByLabel('Quantity').fill('2');
  await form.getByRole('button', { name: 'Place order' }).click();
  const created = page.getByTestId('order-created');
  await expect(created).toBeVisible();
  const orderNumber = /#(\d+)/.exec((await created.textContent()) ?? '')?.[1];
  expect(orderNumber).toBeTruthy();
  const ownRow = page.getByTestId(`order-row-${orderNumber}`);
  await expect(ownRow.getByTestId('order-status')).toHaveText('Submitted');
  await signOut(page);

  // The operator confirms, invoices and records the whole payment: the order is fulfilled.
  await signIn(page, DEMO.operator.email, DEMO.operator.password);
  await page.goto('/orders');
  const row = page.getByTestId(`order-row-${orderNumber}`);
  await row.getByRole('button', { name: 'Confirm' }).click();
  await expect(row.getByTestId('order-status')).toHaveText('Confirmed');
  await row.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(row.getByTestId('order-status')).toHaveText('Invoiced');
  await row.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog');
  await expect(payment.getByLabel('Amount received (yen)')).not.toHaveValue('');
  await payment.getByTestId('confirm-dialog-ok').click();
  await expect(payment).toBeHidden();
  await expect(row.getByTestId('order-status')).toHaveText('Fulfilled');
  await signOut(page);

  // The dealer assigns two licenses to the customer through the wizard.
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/assignments/new');
  await page.getByRole('combobox', { name: 'License (SKU)' }).click();
  await page.getByRole('option', { name: new RegExp(`^${SKU} `) }).click();
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Customer e-mail address').fill(CUSTOMER.email);
  await page.getByRole('button', { name: new RegExp(CUSTOMER.name) }).click();
  await expect(page.getByTestId('wizard-selected-customer')).toContainText(CUSTOMER.email);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('preview-ends-at')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Assign for good' }).click();
  await expect(page.getByTestId('assign-result')).toContainText(
    `2 licenses were assigned to ${CUSTOMER.name}`,
  );
  await signOut(page);

  // The customer sees them.
  await signIn(page, CUSTOMER.email, CUSTOMER.password);
  await page.goto('/licenses');
  await expect(page.getByTestId('license-row')).toHaveCount(before + 2);
  await expect(page.getByTestId('customer-licenses-table')).toContainText(SKU);
});
