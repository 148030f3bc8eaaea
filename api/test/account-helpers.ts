import type { LoginResponse } from '@lc/shared';
import { bearer, login, PASSWORD, uniq, type TestApp } from './harness.js';

export interface Mail {
  to: string;
  subject: string;
  template: string;
  language: string;
  data: Record<string, unknown> & { token?: string; code?: string; password?: string };
  text: string;
  html: string;
}

/** The dev mailbox of one address, newest first. */
export async function mailbox(t: TestApp, to: string, template?: string): Promise<Mail[]> {
  const r = await t.http.get('/api/dev/mailbox').query({ to });
  const all = r.body as Mail[];
  return template ? all.filter((m) => m.template === template) : all;
}

export async function lastMail(t: TestApp, to: string, template: string): Promise<Mail> {
  const [m] = await mailbox(t, to, template);
  if (!m) throw new Error(`no ${template} mail to ${to}`);
  return m;
}

export const operator = (t: TestApp) => login(t, 'operator@example.com', 'Operator!2026');

export const NEW_PASSWORD = 'Fresh!pass2027';

/** A primary dealer created by the operator through the API, its owner's invitation accepted. */
export async function apiDealer(
  t: TestApp,
  opts: { by?: LoginResponse; tier?: 'primary' | 'secondary' } = {},
): Promise<{ id: string; loginId: string; email: string; session: LoginResponse }> {
  const by = opts.by ?? (await operator(t));
  const loginId = uniq('D').slice(0, 16);
  const email = `${loginId.toLowerCase()}@dealer.test`;
  const r = await t.http
    .post('/api/dealers')
    .set(bearer(by.accessToken))
    .send({
      loginId,
      companyName: `Company ${loginId}`,
      email,
      phone: '03-1111-2222',
      tier: opts.tier ?? 'primary',
    });
  if (r.status !== 201) throw new Error(`create dealer: ${r.status} ${JSON.stringify(r.body)}`);
  const token = (await lastMail(t, email, 'dealer-invitation')).data.token;
  const a = await t.http.post('/api/auth/accept-invitation').send({ token, password: PASSWORD });
  if (a.status !== 204) throw new Error(`accept: ${a.status} ${JSON.stringify(a.body)}`);
  return { id: r.body.id as string, loginId, email, session: await login(t, email) };
}

/** A member invited by `by` and accepted, signed in. */
export async function apiMember(
  t: TestApp,
  by: LoginResponse,
  role: 'owner' | 'manager' | 'staff',
): Promise<{ id: string; email: string; session: LoginResponse }> {
  const email = `${uniq('m')}@member.test`;
  const r = await t.http
    .post('/api/dealers/me/members')
    .set(bearer(by.accessToken))
    .send({ email, name: 'Member Person', role });
  if (r.status !== 201) throw new Error(`invite: ${r.status} ${JSON.stringify(r.body)}`);
  const token = (await lastMail(t, email, 'member-invitation')).data.token;
  const a = await t.http.post('/api/auth/accept-invitation').send({ token, password: PASSWORD });
  if (a.status !== 204) throw new Error(`accept: ${a.status} ${JSON.stringify(a.body)}`);
  return { id: r.body.id as string, email, session: await login(t, email) };
}

/** A customer added by the dealer with a temporary password (PASSWORD). */
export async function apiCustomer(
  t: TestApp,
  dealer: LoginResponse,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; email: string }> {
  const email = `${uniq('c')}@customer.test`;
  const r = await t.http
    .post('/api/customers')
    .set(bearer(dealer.accessToken))
    .send({
      name: 'Aoba Bakery',
      email,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      temporaryPassword: PASSWORD,
      ...extra,
    });
  if (r.status !== 201) throw new Error(`customer: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id as string, email: r.body.email as string };
}
