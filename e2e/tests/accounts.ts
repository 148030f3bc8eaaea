import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** A browser that remembers English, so that locators can use the English labels. */
export const ENGLISH_STORAGE = {
  cookies: [],
  origins: [
    {
      origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
      localStorage: [{ name: 'lc.lang', value: 'en' }],
    },
  ],
};

export interface DevMail {
  template: string;
  to: string;
  data: Record<string, unknown>;
}

/** The dev mailbox (APP_ENV=test): mail sent to `to`, waiting until one of `template` arrives. */
export async function mailOf(request: APIRequestContext, to: string, template: string): Promise<DevMail> {
  let found: DevMail | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(to)}`);
        const mails = (await res.json()) as DevMail[];
        found = mails.find((m) => m.template === template);
        return found !== undefined;
      },
      { message: `a ${template} mail to ${to}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
}
