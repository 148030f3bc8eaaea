import { expect, test, type Page } from '@playwright/test';
import { ENGLISH_STORAGE, signIn } from './accounts.js';
import { DEMO } from './demo.js';

// A phone: 390 px wide (issue 14 §2.9).
test.use({ storageState: ENGLISH_STORAGE, viewport: { width: 390, height: 844 } });

/** Nothing on the page scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Runs in the browser (this package has no DOM types): document.documentElement.scrollWidth, innerWidth.
  const { scrollWidth, innerWidth } = await page.evaluate(() => {
    const w = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** The element lies within the screen's width. */
async function expectWithinWidth(page: Page, selector: ReturnType<Page['locator']>): Promise<void> {
  const box = await selector.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
}

test('at 390 px the customers list shows each customer’s status without sideways scrolling', async ({
  page,
}) => {
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/customers');
  const header = page.getByRole('columnheader', { name: 'Status' });
  await expect(header).toBeVisible();
  const firstStatus = page.locator('tbody tr').first().locator('.MuiChip-root');
  await expect(firstStatus).toBeVisible();
  await expect(firstStatus).toHaveText(/Active|Handover|password|Deactivated/i);
  await expectWithinWidth(page, header);
  await expectWithinWidth(page, firstStatus);
  await expectNoSidewaysScroll(page);
});

test('at 390 px a list’s filters wait behind a Filters button', async ({ page }) => {
  await signIn(page, DEMO.dealer.loginId, DEMO.dealer.password);
  await page.goto('/assignments');
  const toggle = page.getByTestId('filters-toggle');
  await expect(toggle).toHaveText('Filters');
  await expect(page.getByLabel('Find a customer')).toBeHidden();
  await expectNoSidewaysScroll(page);
  await toggle.click();
  const search = page.getByLabel('Find a customer');
  await expect(search).toBeVisible();
  await expectWithinWidth(page, search);
  await expectNoSidewaysScroll(page);
});
