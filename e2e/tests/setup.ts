import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './accounts.js';
import { DEMO } from './demo.js';

/**
 * The setup the journeys share, done through the API (the journeys then use the browser): a
 * dealer's token, a customer added by the demo dealer with a temporary password and licenses, a
 * recorder registering itself, and signing a customer in past the handover question.
 */

/** The temporary password the demo dealer gives the customers it adds here. */
export const TEMPORARY = 'Install!2026Go';

/** A bearer header for `login` (default: the demo dealer's owner). */
export async function authOf(
  request: APIRequestContext,
  login: string = DEMO.dealer.loginId,
  password: string = DEMO.dealer.password,
): Promise<{ Authorization: string }> {
  const res = await request.post('/api/auth/login', { data: { login, password } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

export interface AssignedLicense {
  endsAt: string;
}

/** The demo dealer assigns `quantity` licenses of `skuCode` to the customer (idempotent per key). */
export async function assignLicenses(
  request: APIRequestContext,
  customerId: string,
  { quantity = 1, skuCode = 'EDGE-12M', key }: { quantity?: number; skuCode?: string; key?: string } = {},
): Promise<AssignedLicense[]> {
  const res = await request.post('/api/assignments', {
    headers: { ...(await authOf(request)), ...(key ? { 'Idempotency-Key': key } : {}) },
    data: { customerId, skuCode, quantity },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { licenses: AssignedLicense[] }).licenses;
}

/**
 * The demo dealer adds a customer (English, Asia/Tokyo) with the temporary password and, when
 * `licenses` > 0, assigns that many EDGE-12M licenses.
 */
export async function addCustomer(
  request: APIRequestContext,
  { name, email, licenses = 0 }: { name: string; email: string; licenses?: number },
): Promise<{ customerId: string; licenses: AssignedLicense[] }> {
  const created = await request.post('/api/customers', {
    headers: await authOf(request),
    data: { name, email, language: 'en', timeZone: 'Asia/Tokyo', temporaryPassword: TEMPORARY },
  });
  expect(created.status()).toBe(201);
  const customerId = ((await created.json()) as { id: string }).id;
  const assigned =
    licenses > 0
      ? await assignLicenses(request, customerId, { quantity: licenses, key: `e2e-${email}` })
      : [];
  return { customerId, licenses: assigned };
}

/** The id of an existing customer of the demo dealer, found by e-mail. */
export async function customerIdOf(request: APIRequestContext, email: string): Promise<string> {
  const res = await request.get('/api/customers', {
    params: { search: email },
    headers: await authOf(request),
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Array<{ id: string }> }).items[0]!.id;
}

export interface RecorderSpec {
  email: string;
  password?: string;
  serial: string;
  /** Camera channels (default: one camera on channel 1). */
  channels?: number[];
  model?: string;
  mac?: string;
}

/** A recorder registers itself with the contract holder's e-mail and password. */
export async function registerRecorder(
  request: APIRequestContext,
  {
    email,
    password = TEMPORARY,
    serial,
    channels = [1],
    model = 'REC-4',
    mac = '02:00:00:00:00:01',
  }: RecorderSpec,
): Promise<{ deviceId: string; credential: string; cameras: unknown[] }> {
  const res = await request.post('/api/device/register', {
    data: {
      email,
      password,
      device: {
        type: 'recorder',
        serial,
        model,
        mac,
        firmware: '1.0.0',
        cameras: channels.map((channel) => ({ channel, model: 'CAM-200' })),
      },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { deviceId: string; credential: string; cameras: unknown[] };
}

/** Signs a customer in with the temporary password and answers "Not yet" to the handover question. */
export async function signInWithTemporary(page: Page, email: string): Promise<void> {
  await signIn(page, email, TEMPORARY);
  const handover = page.getByTestId('handover-dialog');
  await expect(handover).toBeVisible();
  await handover.getByRole('button', { name: 'Not yet' }).click();
  await expect(handover).toBeHidden();
}
