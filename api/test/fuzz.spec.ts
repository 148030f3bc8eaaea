/**
 * OpenAPI-driven fuzzing (issue 11, "kept by tests"): every operation of docs/openapi.json, as
 * every role (anonymous, operator, dealer owner, customer, device), with malformed paths,
 * queries and bodies — NUL bytes, lone surrogates, wrong types, nulls, huge values. Whatever
 * the answer, it is never a 5xx.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/common/config/config.js';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';
import { deviceAuth, recorderSpec, register } from './device-helpers.js';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  queryNames: string[];
  bodyProps: string[];
  /** A plausible body: each corrupted field is put into it. */
  baseBody: Record<string, unknown>;
  hasBody: boolean;
}

interface SchemaRef {
  $ref?: string;
  properties?: Record<string, unknown>;
}
interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string }>;
        requestBody?: { content?: Record<string, { schema?: SchemaRef }> };
      }
    >
  >;
  components?: { schemas?: Record<string, SchemaRef> };
}

const DOC = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8')) as OpenApi;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  minimum?: number;
}
const resolve = (s: Schema | undefined): Schema | undefined =>
  s?.$ref ? (DOC.components?.schemas?.[s.$ref.split('/').pop()!] as Schema | undefined) : s;

function bodyProps(schema: SchemaRef | undefined): string[] {
  return Object.keys(resolve(schema as Schema)?.properties ?? {});
}

/** A plausible value for a schema, so that one corrupted field is not refused for the others. */
function sample(schema: Schema | undefined, name = '', depth = 0): unknown {
  const s = resolve(schema);
  if (!s || depth > 4) return 'x';
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.properties) {
    return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v, k, depth + 1)]));
  }
  switch (s.type) {
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [sample(s.items, name, depth + 1)];
    case 'object':
      return {};
  }
  if (/email/i.test(name)) return 'fuzz@example.test';
  if (/password/i.test(name)) return 'Fuzz!pass2026';
  if (/Id$|^id$/.test(name)) return '00000000-0000-0000-0000-000000000000';
  if (/At$|date/i.test(name) || s.format === 'date-time') return '2030-01-01T00:00:00.000Z';
  return 'fuzz';
}

const OPERATIONS: Operation[] = Object.entries(DOC.paths).flatMap(([p, ops]) =>
  Object.entries(ops)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([m, o]) => ({
      method: m as Operation['method'],
      path: p,
      queryNames: (o.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
      bodyProps: bodyProps(o.requestBody?.content?.['application/json']?.schema),
      baseBody: (sample(o.requestBody?.content?.['application/json']?.schema as Schema) ?? {}) as Record<
        string,
        unknown
      >,
      hasBody: !!o.requestBody || ['post', 'put', 'patch'].includes(m),
    })),
);

const HUGE = 'x'.repeat(200_000);
/** Values of the wrong kind for any field. */
const BAD_VALUES: unknown[] = [
  null,
  '',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  -1,
  1e308,
  3.5,
  true,
  [],
  [null],
  {},
  { $gt: '' },
  'x'.repeat(20_000),
  '9999-99-99T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
];
/** Whole bodies of the wrong kind (raw JSON text). */
const BAD_BODIES = ['null', '[]', '"text"', '123', 'true', '{}', '{"a":', `{"a":"${HUGE}"}`, '{"\\u0000":1}'];
/** Path parameter values (already URL-encoded). */
const BAD_PARAMS = [
  '%00',
  '%ED%A0%80',
  'x'.repeat(3000),
  '-1',
  'null',
  '00000000-0000-0000-0000-000000000000',
];
/** Query values (URL-encoded), and shapes the parser turns into arrays or objects. */
const BAD_QUERIES = (name: string) => [
  `${name}=%00`,
  `${name}=%ED%A0%80`,
  `${name}=-1`,
  `${name}=1e309`,
  `${name}=${'9'.repeat(5000)}`,
  `${name}=a&${name}=b`,
  `${name}[x]=1`,
];

type Role = 'anonymous' | 'operator' | 'dealer' | 'customer' | 'device';
const ROLES: Role[] = ['anonymous', 'operator', 'dealer', 'customer', 'device'];

const t = useTestApp();
let ownerEmail: string;
let customerEmail: string;
let deviceCredential: string;
const headers: Partial<Record<Role, Record<string, string>>> = {};

beforeAll(async () => {
  const m = await makeDealerAndCustomer(t);
  ownerEmail = m.ownerEmail;
  customerEmail = m.customerEmail;
  deviceCredential = (await register(t, m.customerEmail, recorderSpec([1, 2]))).credential;
});

/** Fresh sessions per operation: a fuzzed call may end a session (sign-out, password rules). */
async function signIn(): Promise<void> {
  // Fuzzed passwords count towards lockouts: start every operation unlocked.
  await t.ds.query(`UPDATE app_user SET locked_until = NULL WHERE locked_until IS NOT NULL`);
  await t.ds.query(`DELETE FROM login_failure`);
  headers.anonymous = {};
  headers.operator = bearer((await login(t, 'operator@example.com', 'Operator!2026')).accessToken);
  headers.dealer = bearer((await login(t, ownerEmail)).accessToken);
  headers.customer = bearer((await login(t, customerEmail)).accessToken);
  headers.device = deviceAuth(deviceCredential);
}

function fill(p: string, value: string): string {
  return p.replace(/\{[^}]+\}/g, value);
}

async function send(
  op: Operation,
  role: Role,
  url: string,
  body?: string,
): Promise<{ status: number; what: string; refusedByGuard: boolean }> {
  let req = t.http[op.method](url).set(headers[role]!);
  if (body !== undefined) req = req.set('Content-Type', 'application/json').send(body);
  const r = await req;
  return {
    status: r.status,
    what: `${role} ${op.method.toUpperCase()} ${url.slice(0, 120)} ${body?.slice(0, 80) ?? ''}`,
    refusedByGuard:
      r.status === 401 ||
      (r.status === 403 &&
        /^This route is not for the /.test(String((r.body as { message?: unknown }).message))),
  };
}

describe('OpenAPI fuzzing: never a 5xx', () => {
  it('covers the whole document', () => {
    expect(OPERATIONS.length).toBeGreaterThan(80);
  });

  it.each(OPERATIONS.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s',
    async (_name, op) => {
      await signIn();
      t.clock.set(null);
      const failures: string[] = [];
      const check = (r: { status: number; what: string }) => {
        if (r.status >= 500) failures.push(`${r.status} ${r.what}`);
      };
      const base = fill(op.path, '00000000-0000-0000-0000-000000000000');
      for (const role of ROLES) {
        const first = await send(op, role, base, op.hasBody ? JSON.stringify(op.baseBody) : undefined);
        check(first);
        if (op.path.includes('{')) {
          for (const v of BAD_PARAMS) check(await send(op, role, fill(op.path, v)));
        }
        for (const q of op.queryNames) {
          for (const v of BAD_QUERIES(q)) check(await send(op, role, `${base}?${v}`));
        }
        if (op.hasBody) {
          for (const b of BAD_BODIES) check(await send(op, role, base, b));
          // A role the guard turns away never reaches body parsing (guards run before pipes): the
          // malformed paths, queries and whole bodies above cover what runs before the guard.
          if (first.refusedByGuard) continue;
          for (const prop of op.bodyProps) {
            for (const v of BAD_VALUES) {
              check(await send(op, role, base, JSON.stringify({ ...op.baseBody, [prop]: v })));
            }
          }
          // Every property wrong at once, with a huge value.
          if (op.bodyProps.length) {
            check(
              await send(
                op,
                role,
                base,
                JSON.stringify(Object.fromEntries(op.bodyProps.map((p) => [p, HUGE]))),
              ),
            );
          }
        }
      }
      t.clock.set(null);
      expect(failures).toEqual([]);
    },
    600_000,
  );
});
