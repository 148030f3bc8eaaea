/** Fixtures for the licenses and billing tests: SKUs, stock, secondary dealers, sign-ins. */
import type { LicenseKind } from '@lc/shared';
import { PasswordHasher } from '../src/common/auth/password-hasher.js';
import { bearer, login, PASSWORD, uniq, type TestApp } from './harness.js';

export const OPERATOR = { email: 'operator@example.com', password: 'Operator!2026' };

export async function operatorToken(t: TestApp): Promise<string> {
  return (await login(t, OPERATOR.email, OPERATOR.password)).accessToken;
}

export interface TestSku {
  code: string;
  kind: LicenseKind;
  termMonths: number;
  prices: { primary: number; secondary: number; list: number };
}

/** A new SKU through the operator API (codes are unique per test). */
export async function createSku(
  t: TestApp,
  opts: Partial<Omit<TestSku, 'code'>> & { code?: string } = {},
): Promise<TestSku> {
  const sku: TestSku = {
    code: opts.code ?? uniq('SKU').slice(0, 30).toUpperCase(),
    kind: opts.kind ?? 'edge',
    termMonths: opts.termMonths ?? 12,
    prices: opts.prices ?? { primary: 9_000, secondary: 10_800, list: 12_000 },
  };
  const r = await t.http
    .post('/api/skus')
    .set(bearer(await operatorToken(t)))
    .send({ ...sku, name: { ja: `ライセンス ${sku.code}`, en: `License ${sku.code}` } });
  if (r.status !== 201) throw new Error(`create SKU: ${r.status} ${JSON.stringify(r.body)}`);
  return sku;
}

/** Puts licenses straight into a dealer's stock (fixture; orders and the EC site are tested elsewhere). */
export async function addStock(
  t: TestApp,
  dealerId: string,
  skuCode: string,
  quantity: number,
): Promise<void> {
  await t.ds.query(
    `INSERT INTO license (sku_id, kind, term_months, state, owner_dealer_id, created_at, updated_at)
     SELECT s.id, s.kind, s.term_months, 'in_stock', $2, $3, $3 FROM sku s, generate_series(1, $4)
      WHERE s.code = $1`,
    [skuCode, dealerId, t.clock.now(), quantity],
  );
}

export async function stockOf(t: TestApp, dealerId: string, skuCode: string): Promise<number> {
  const [r] = (await t.ds.query(
    `SELECT count(*)::int AS n FROM license l JOIN sku s ON s.id = l.sku_id
      WHERE l.owner_dealer_id = $1 AND s.code = $2 AND l.state = 'in_stock'`,
    [dealerId, skuCode],
  )) as { n: number }[];
  return r.n;
}

export interface Secondary {
  dealerId: string;
  loginId: string;
  ownerEmail: string;
  customerId: string;
  customerEmail: string;
}

/** A secondary dealer under `parentId`, with an owner and one customer, all with PASSWORD. */
export async function makeSecondary(t: TestApp, parentId: string): Promise<Secondary> {
  const hash = await t.get(PasswordHasher).hash(PASSWORD);
  const loginId = uniq('s').slice(0, 16);
  const now = t.clock.now();
  const ownerEmail = `${loginId}@dealer.test`;
  const [d] = (await t.ds.query(
    `INSERT INTO dealer (login_id, tier, parent_dealer_id, company_name, phone, notification_email, created_at, updated_at)
     VALUES ($1, 'secondary', $2, $3, '06-0000-0000', $4, $5, $5) RETURNING id`,
    [loginId, parentId, `Sub ${loginId}`, ownerEmail, now],
  )) as { id: string }[];
  await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
     VALUES ('dealer', $1, 'Sub Owner', $2, 'ja', $3, 'owner', $4, $4)`,
    [ownerEmail, hash, d.id, now],
  );
  const [c] = (await t.ds.query(
    `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, 'Sub Customer', $2, $2) RETURNING id`,
    [d.id, now],
  )) as { id: string }[];
  const customerEmail = `${uniq('c')}@customer.test`;
  await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, customer_id, created_at, updated_at)
     VALUES ('customer', $1, 'Sub Customer Person', $2, 'en', $3, $4, $4)`,
    [customerEmail, hash, c.id, now],
  );
  return { dealerId: d.id, loginId, ownerEmail, customerId: c.id, customerEmail };
}

/** Another customer of a dealer, with its contract holder in a given zone and language. */
export async function addCustomer(
  t: TestApp,
  dealerId: string,
  opts: { timeZone?: string; language?: 'ja' | 'en'; name?: string } = {},
): Promise<{ customerId: string; email: string }> {
  const now = t.clock.now();
  const [c] = (await t.ds.query(
    `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
    [dealerId, opts.name ?? 'Another Customer', now],
  )) as { id: string }[];
  const email = `${uniq('c')}@customer.test`;
  await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, time_zone, customer_id, created_at, updated_at)
     VALUES ('customer', $1, 'Contract Holder', NULL, $2, $3, $4, $5, $5)`,
    [email, opts.language ?? 'ja', opts.timeZone ?? 'Asia/Tokyo', c.id, now],
  );
  return { customerId: c.id, email };
}

export async function setTimeZone(t: TestApp, customerId: string, timeZone: string): Promise<void> {
  await t.ds.query(`UPDATE app_user SET time_zone = $2 WHERE customer_id = $1 AND role = 'customer'`, [
    customerId,
    timeZone,
  ]);
}

export async function mailbox(
  t: TestApp,
  to: string,
): Promise<Array<{ template: string; subject: string; text: string; data: Record<string, unknown> }>> {
  return (await t.http.get('/api/dev/mailbox').query({ to })).body;
}
