import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const DEALER = { login: 'demo-dealer', password: 'Demo!2026pass' };
const OPERATOR = { login: 'operator@example.com', password: 'Operator!2026' };
const CUSTOMER = { login: 'customer@demo.example', password: 'Demo!2026pass' };

async function token(request: APIRequestContext, who: { login: string; password: string }) {
  const r = await request.post('/api/auth/login', { data: who });
  expect(r.status()).toBe(200);
  return { Authorization: `Bearer ${((await r.json()) as { accessToken: string }).accessToken}` };
}

/** Demo data worth looking at: a recorder with three cameras, two licenses, one renewal request. */
async function prepare(
  request: APIRequestContext,
): Promise<{ cameraId: string; dealerId: string; customerId: string }> {
  const dealer = await token(request, DEALER);
  const customers = await request.get('/api/customers?search=customer@demo.example', { headers: dealer });
  const customerId = ((await customers.json()) as { items: Array<{ id: string }> }).items[0].id;
  // The demo seed has sold this customer two EDGE-12M licenses (ending within 90 days): they
  // bind to cameras 1 and 2, camera 3 has none.
  const reg = await request.post('/api/device/register', {
    data: {
      email: CUSTOMER.login,
      password: CUSTOMER.password,
      device: {
        type: 'recorder',
        serial: 'SIM-REC-8',
        model: 'REC-8',
        mac: '02:00:00:00:00:08',
        firmware: '1.4.2',
        cameras: [1, 2, 3].map((channel) => ({ channel, model: 'CAM-200' })),
      },
    },
  });
  expect(reg.status()).toBe(201);
  const cameras = ((await reg.json()) as { cameras: Array<{ id: string; channel: number }> }).cameras;
  const lapsed = cameras.find((c) => c.channel === 3)!;
  const { credential } = (await reg.json()) as { credential: string };
  // Two events for the Events page (types in words).
  const beat = await request.post('/api/device/heartbeat', {
    headers: { Authorization: `Device ${credential}` },
    data: {
      status: 'normal',
      events: [
        { type: 'motion', channel: 1, message: 'entrance' },
        { type: 'recording_stopped', channel: 2 },
      ],
    },
  });
  expect(beat.status()).toBe(200);
  // Job runs with their figures in words.
  for (const job of ['expiry-sweep', 'reminders', 'device-liveness']) {
    expect((await request.post(`/api/dev/jobs/${job}/run`)).status()).toBe(200);
  }
  const customer = await token(request, CUSTOMER);
  const shared = await request.post('/api/shared-users', {
    headers: customer,
    data: { name: 'Yui Tanaka', email: 'yui@demo.example', cameraIds: [cameras[0].id, cameras[1].id] },
  });
  expect(shared.status()).toBe(201);
  const asked = await request.post('/api/renewal-requests', {
    headers: customer,
    data: { cameraId: lapsed.id, note: 'The back door camera stopped recording.' },
  });
  expect(asked.status()).toBe(201);
  const op = await token(request, OPERATOR);
  const dealers = await request.get('/api/dealers?search=demo-dealer', { headers: op });
  const dealerId = ((await dealers.json()) as { items: Array<{ id: string; loginId: string }> }).items.find(
    (d) => d.loginId === 'demo-dealer',
  )!.id;
  return { cameraId: lapsed.id, dealerId, customerId };
}

async function signIn(page: Page, who: { login: string; password: string }, lang: 'en' | 'ja') {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.evaluate(`localStorage.clear(); localStorage.setItem('lc.lang', '${lang}')`);
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(who.login);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function shoot(page: Page, path: string, name: string, lang: string, ready?: string) {
  await page.goto(path);
  if (ready) await expect(page.getByTestId(ready).first()).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}${lang}-${name}.png`, fullPage: true });
}

test('screenshots of the main pages in English and Japanese', async ({ page, request }) => {
  test.setTimeout(600_000);
  expect(ORIGIN).toContain('127.0.0.1');
  const { cameraId, dealerId, customerId } = await prepare(request);
  for (const lang of ['en', 'ja'] as const) {
    await page.goto('/login');
    await page.evaluate(`localStorage.setItem('lc.lang', '${lang}')`);
    await shoot(page, '/login', 'login', lang);

    await signIn(page, DEALER, lang);
    await shoot(page, '/dashboard', 'dealer-home', lang, 'dealer-dashboard');
    await shoot(page, '/customers', 'customers', lang);
    await shoot(page, '/renewals', 'renewals', lang);
    await shoot(page, '/assignments/new', 'assignment-wizard', lang);
    await shoot(page, '/notifications', 'notifications', lang, 'renewal-requests');
    await shoot(page, '/stock', 'stock', lang);
    await shoot(
      page,
      `/customers/${customerId}?tab=licenses`,
      'customer-licenses-tab',
      lang,
      'customer-licenses-tab',
    );
    await shoot(
      page,
      `/customers/${customerId}?tab=devices`,
      'customer-devices-tab',
      lang,
      'customer-devices-tab',
    );
    await shoot(page, '/members', 'members', lang);
    await shoot(page, '/integrations', 'integrations', lang);
    await shoot(page, '/audit-log', 'audit-log', lang);

    await signIn(page, OPERATOR, lang);
    await shoot(page, '/dashboard', 'operator-home', lang, 'operator-home');
    await shoot(page, `/dealers/${dealerId}`, 'dealer-detail', lang);
    await shoot(page, '/jobs', 'job-runs', lang);

    await signIn(page, CUSTOMER, lang);
    await shoot(page, '/devices', 'customer-devices', lang, 'device-tree');
    await shoot(page, `/cameras/${cameraId}`, 'customer-camera', lang, 'renewal-card');
    await shoot(page, '/licenses', 'customer-licenses', lang);
    await shoot(page, '/events', 'customer-events', lang);
    await shoot(page, '/shared-users', 'shared-users', lang);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, '/devices', 'customer-devices-mobile', lang, 'device-tree');
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
