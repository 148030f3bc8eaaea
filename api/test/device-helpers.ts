/** Fixtures for the devices tests: registering devices, assigning licenses, device auth. */
import { bearer, login, PASSWORD, uniq, type Made, type TestApp } from './harness.js';
import { addStock, createSku, type TestSku } from './licensing.js';

export const deviceAuth = (credential: string) => ({ Authorization: `Device ${credential}` });

export interface Registered {
  deviceId: string;
  credential: string;
  cameras: Array<{ id: string; channel: number }>;
}

export function recorderSpec(channels = [1, 2], serial = uniq('SN')) {
  return {
    type: 'recorder' as const,
    serial,
    model: 'REC-8',
    mac: '00:11:22:33:44:55',
    firmware: '1.0.0',
    cameras: channels.map((channel) => ({ channel, model: 'CAM-200' })),
  };
}

export function directSpec(serial = uniq('SN')) {
  return { type: 'camera' as const, serial, model: 'DCAM-1', mac: '00:11:22:33:44:66', firmware: '2.0.0' };
}

export async function register(
  t: TestApp,
  email: string,
  device: Record<string, unknown>,
  expectStatus = 201,
): Promise<Registered> {
  const r = await t.http.post('/api/device/register').send({ email, password: PASSWORD, device });
  if (r.status !== expectStatus) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Registered;
}

/** A SKU of a kind with stock, and a function assigning n licenses of it to the customer now. */
export async function licenses(t: TestApp, m: Made, kind: 'edge' | 'direct' = 'edge', termMonths = 12) {
  const sku: TestSku = await createSku(t, { kind, termMonths });
  await addStock(t, m.dealerId, sku.code, 50);
  const dealerToken = (await login(t, m.ownerEmail)).accessToken;
  return {
    sku,
    dealerToken,
    /** Signs in again each time: the clock may have moved past the token's expiry. */
    async assign(quantity: number, customerId = m.customerId): Promise<string[]> {
      const r = await t.http
        .post('/api/assignments')
        .set(bearer((await login(t, m.ownerEmail)).accessToken))
        .send({ customerId, skuCode: sku.code, quantity });
      if (r.status !== 201) throw new Error(`assign: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body.licenses as Array<{ id: string }>).map((l) => l.id);
    },
  };
}

/** camera id → bound license id, for the customer. */
export async function boundMap(t: TestApp, customerId: string): Promise<Map<string, string>> {
  const r = (await t.ds.query(
    `SELECT id, camera_id FROM license WHERE customer_id = $1 AND state = 'bound'`,
    [customerId],
  )) as Array<{ id: string; camera_id: string }>;
  return new Map(r.map((x) => [x.camera_id, x.id]));
}
