import { beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';
import { addStock, createSku, makeSecondary, operatorToken } from './licensing.js';

const t = useTestApp();
let op: string;
beforeAll(async () => {
  op = await operatorToken(t);
});

const token = async (email: string) => (await login(t, email)).accessToken;
const act = (tok: string, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/orders/${id}/${action}`).set(bearer(tok)).send(body);

/** A confirmed order of `buyerTok`, ready to invoice. */
async function confirmedOrder(buyerTok: string, supplierTok: string, lines: object[]): Promise<string> {
  const r = await t.http.post('/api/orders').set(bearer(buyerTok)).send({ lines });
  expect(r.status).toBe(201);
  expect((await act(supplierTok, r.body.id, 'confirm')).status).toBe(200);
  return r.body.id;
}

describe('invoice numbers', () => {
  it('25 invoices issued at once get consecutive numbers per issuer, no gaps, no duplicates', async () => {
    const dealers = await Promise.all(Array.from({ length: 5 }, () => makeDealerAndCustomer(t)));
    const sku = await createSku(t);
    const orders: string[] = [];
    for (const d of dealers) {
      const tok = await token(d.ownerEmail);
      for (let i = 0; i < 5; i++)
        orders.push(await confirmedOrder(tok, op, [{ skuCode: sku.code, quantity: 1 }]));
    }
    // A primary dealer numbers its own invoices from 1, independently of the operator.
    const sub = await makeSecondary(t, dealers[0].dealerId);
    const pTok = await token(dealers[0].ownerEmail);
    const subOrders = [];
    for (let i = 0; i < 3; i++) {
      subOrders.push(
        await confirmedOrder(await token(sub.ownerEmail), pTok, [{ skuCode: sku.code, quantity: 1 }]),
      );
    }

    const [{ n: before }] = await t.ds.query(
      `SELECT COALESCE(max(number), 0)::int AS n FROM invoice WHERE issuer_dealer_id IS NULL`,
    );
    const results = await Promise.all([
      ...orders.map((id) => act(op, id, 'invoice')),
      ...subOrders.map((id) => act(pTok, id, 'invoice')),
    ]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    const numbers = await Promise.all(
      results.map(async (r) => {
        const inv = await t.http.get(`/api/invoices/${r.body.invoiceId}`).set(bearer(op));
        return inv.body as { number: number; invoiceNumber: string; issuer: { dealerId: string | null } };
      }),
    );
    const operatorNumbers = numbers.filter((n) => n.issuer.dealerId === null).map((n) => n.number);
    expect(operatorNumbers.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => before + i + 1),
    );
    const dealerNumbers = numbers
      .filter((n) => n.issuer.dealerId === dealers[0].dealerId)
      .map((n) => n.number);
    expect(dealerNumbers.sort((a, b) => a - b)).toEqual([1, 2, 3]);
    const seventh = numbers.find((n) => n.number === before + 7 && n.issuer.dealerId === null)!;
    expect(seventh.invoiceNumber).toBe(`OP-${String(before + 7).padStart(6, '0')}`);
    expect(numbers.find((n) => n.issuer.dealerId !== null)!.invoiceNumber).toMatch(
      new RegExp(`^${dealers[0].loginId}-00000[123]$`),
    );

    // Invoicing the same order twice at once: one invoice, the other 409, no number used up.
    const extra = await confirmedOrder(await token(dealers[1].ownerEmail), op, [
      { skuCode: sku.code, quantity: 1 },
    ]);
    const twice = await Promise.all([act(op, extra, 'invoice'), act(op, extra, 'invoice')]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    const next = await confirmedOrder(await token(dealers[1].ownerEmail), op, [
      { skuCode: sku.code, quantity: 1 },
    ]);
    await act(op, next, 'invoice');
    const [{ numbers: all }] = await t.ds.query(
      `SELECT array_agg(number ORDER BY number) AS numbers FROM invoice WHERE issuer_dealer_id IS NULL`,
    );
    expect(all).toEqual(Array.from({ length: before + 27 }, (_, i) => i + 1));
  });
});

describe('invoice contents', () => {
  it('lines, subtotal, 10 % tax rounded down once, total, registration number, due end of next month', async () => {
    const m = await makeDealerAndCustomer(t);
    const a = await createSku(t, { prices: { primary: 1_999, secondary: 2_000, list: 2_500 } });
    const b = await createSku(t, { prices: { primary: 333, secondary: 400, list: 500 } });
    t.clock.set(new Date('2027-01-15T03:00:00Z'), true);
    const tok = await token(m.ownerEmail);
    const opTok = await operatorToken(t);
    const id = await confirmedOrder(tok, opTok, [
      { skuCode: a.code, quantity: 3 },
      { skuCode: b.code, quantity: 1 },
    ]);
    const { body: order } = await act(opTok, id, 'invoice');
    const { body: inv } = await t.http.get(`/api/invoices/${order.invoiceId}`).set(bearer(tok));
    expect(inv).toMatchObject({
      orderId: id,
      issuer: { dealerId: null, name: 'License Console Operator', registrationNumber: 'T1234567890123' },
      buyer: { id: m.dealerId, loginId: m.loginId },
      issuedAt: '2027-01-15T03:00:00.000Z',
      dueAt: '2027-02-28T14:59:59.999Z',
      lines: [
        { lineNo: 1, skuCode: a.code, quantity: 3, unitPrice: 1_999, amount: 5_997, taxRate: 10 },
        { lineNo: 2, skuCode: b.code, quantity: 1, unitPrice: 333, amount: 333, taxRate: 10 },
      ],
      subtotal: 6_330,
      taxes: [{ rate: 10, taxable: 6_330, tax: 633 }],
      tax: 633,
      total: 6_963,
      amountPaid: 0,
      amountDue: 6_963,
      status: 'unpaid',
      payments: [],
    });
    expect(inv.lines[0].name).toEqual({ ja: `ライセンス ${a.code}`, en: `License ${a.code}` });

    // A due date given explicitly; one in the past is refused.
    const id2 = await confirmedOrder(tok, opTok, [{ skuCode: b.code, quantity: 1 }]);
    const past = await act(opTok, id2, 'invoice', { dueAt: '2027-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({
      code: ErrorCode.INVOICE_DUE_BEFORE_ISSUE,
      message: expect.stringMatching(/^dueAt: /),
    });
    expect((await act(opTok, id2, 'invoice', { dueAt: 'soon' })).body.message).toMatch(/^dueAt: /);
    const given = await act(opTok, id2, 'invoice', { dueAt: '2027-01-31T14:59:59.999Z' });
    const inv2 = await t.http.get(`/api/invoices/${given.body.invoiceId}`).set(bearer(tok));
    expect(inv2.body.dueAt).toBe('2027-01-31T14:59:59.999Z');
    expect(inv2.body.number).toBe(inv.number + 1);
  });

  it('payments: partially paid, overdue after the due date, paid', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t, { prices: { primary: 1_000, secondary: 1_200, list: 1_500 } });
    t.clock.set(new Date('2027-03-10T03:00:00Z'), true);
    const tok = await token(m.ownerEmail);
    let opTok = await operatorToken(t);
    const id = await confirmedOrder(tok, opTok, [{ skuCode: sku.code, quantity: 10 }]);
    const { body: order } = await act(opTok, id, 'invoice'); // 11 000 due 2027-04-30 JST
    const get = async () =>
      (await t.http.get(`/api/invoices/${order.invoiceId}`).set(bearer(await token(m.ownerEmail)))).body;
    await act(opTok, id, 'pay', { amount: 4_000 });
    expect(await get()).toMatchObject({ status: 'partially_paid', amountPaid: 4_000, amountDue: 7_000 });
    t.clock.set(new Date('2027-04-30T14:59:59.999Z'), true);
    expect((await get()).status).toBe('partially_paid');
    t.clock.set(new Date('2027-04-30T15:00:00.000Z'), true);
    expect((await get()).status).toBe('overdue');
    const list = await t.http
      .get('/api/invoices')
      .query({ status: 'overdue' })
      .set(bearer(await token(m.ownerEmail)));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([order.invoiceId]);
    opTok = await operatorToken(t);
    await act(opTok, id, 'pay');
    const paid = await get();
    expect(paid).toMatchObject({ status: 'paid', amountPaid: 11_000, amountDue: 0 });
    expect(paid.payments.map((p: { amount: number; paidAt: string }) => [p.amount, p.paidAt])).toEqual([
      [4_000, '2027-03-10T03:00:00.000Z'],
      [7_000, '2027-04-30T15:00:00.000Z'],
    ]);
    const [row] = await t.ds.query(`SELECT count(*)::int AS n FROM invoice_payment WHERE invoice_id = $1`, [
      order.invoiceId,
    ]);
    expect(row.n).toBe(2);
  });

  it("a primary dealer's invoice to its secondary carries the dealer's registration number", async () => {
    const primary = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, primary.dealerId);
    const sku = await createSku(t);
    await addStock(t, primary.dealerId, sku.code, 1);
    const pTok = await token(primary.ownerEmail);
    const bad = await t.http
      .put('/api/dealers/me/invoice-registration')
      .set(bearer(pTok))
      .send({ registrationNumber: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^registrationNumber: /);
    const set = await t.http
      .put('/api/dealers/me/invoice-registration')
      .set(bearer(pTok))
      .send({ registrationNumber: 'T9876543210987' });
    expect(set.body).toEqual({ registrationNumber: 'T9876543210987' });
    expect((await t.http.get('/api/dealers/me/invoice-registration').set(bearer(pTok))).body).toEqual({
      registrationNumber: 'T9876543210987',
    });
    const id = await confirmedOrder(await token(sub.ownerEmail), pTok, [{ skuCode: sku.code, quantity: 1 }]);
    const { body: order } = await act(pTok, id, 'invoice');
    const inv = await t.http.get(`/api/invoices/${order.invoiceId}`).set(bearer(await token(sub.ownerEmail)));
    expect(inv.body.issuer).toEqual({
      dealerId: primary.dealerId,
      name: `Dealer ${primary.loginId}`,
      registrationNumber: 'T9876543210987',
    });
    expect(inv.body.invoiceNumber).toBe(`${primary.loginId}-000001`);
  });
});

describe('printable invoice and CSV', () => {
  it('prints HTML in Japanese and English, escapes names, and hides invoices from other dealers', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    await t.ds.query(`UPDATE dealer SET company_name = '<script>alert(1)</script> & Co' WHERE id = $1`, [
      m.dealerId,
    ]);
    const sku = await createSku(t, { prices: { primary: 12_345, secondary: 13_000, list: 15_000 } });
    const tok = await token(m.ownerEmail);
    const id = await confirmedOrder(tok, op, [{ skuCode: sku.code, quantity: 2 }]);
    const { body: order } = await act(op, id, 'invoice');

    const ja = await t.http.get(`/api/invoices/${order.invoiceId}/print`).set(bearer(tok));
    expect(ja.status).toBe(200);
    expect(ja.headers['content-type']).toMatch(/^text\/html/);
    expect(ja.text).toContain('適格請求書');
    expect(ja.text).toContain('T1234567890123');
    expect(ja.text).toContain(`ライセンス ${sku.code}`);
    expect(ja.text).toContain('¥24,690');
    expect(ja.text).toContain('¥2,469'); // tax
    expect(ja.text).toContain('¥27,159');
    expect(ja.text).not.toContain('<script>alert');
    expect(ja.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    const en = await t.http
      .get(`/api/invoices/${order.invoiceId}/print`)
      .query({ lang: 'en' })
      .set(bearer(op));
    expect(en.text).toContain('Qualified invoice');
    expect(en.text).toContain(`License ${sku.code}`);
    expect(
      (await t.http.get(`/api/invoices/${order.invoiceId}/print`).query({ lang: 'fr' }).set(bearer(tok)))
        .status,
    ).toBe(400);
    const stranger = await token(other.ownerEmail);
    expect((await t.http.get(`/api/invoices/${order.invoiceId}/print`).set(bearer(stranger))).status).toBe(
      404,
    );
    expect((await t.http.get(`/api/invoices/${order.invoiceId}`).set(bearer(stranger))).status).toBe(404);
    expect((await t.http.get('/api/invoices').set(bearer(stranger))).body.total).toBe(0);
  });

  it('exports invoices and invoice lines as CSV', async () => {
    const m = await makeDealerAndCustomer(t);
    const a = await createSku(t, { prices: { primary: 1_000, secondary: 1_100, list: 1_200 } });
    const b = await createSku(t, { prices: { primary: 2_000, secondary: 2_100, list: 2_200 } });
    const tok = await token(m.ownerEmail);
    const id = await confirmedOrder(tok, op, [
      { skuCode: a.code, quantity: 1 },
      { skuCode: b.code, quantity: 2 },
    ]);
    const { body: order } = await act(op, id, 'invoice');
    const inv = (await t.http.get(`/api/invoices/${order.invoiceId}`).set(bearer(tok))).body;

    const csv = await t.http.get('/api/invoices/export.csv').set(bearer(tok));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0].split(',')).toEqual([
      'invoice_number',
      'issuer',
      'issuer_registration_number',
      'buyer_login_id',
      'buyer_name',
      'order_number',
      'issue_date',
      'due_date',
      'subtotal',
      'tax_10',
      'tax',
      'total',
      'amount_paid',
      'amount_due',
      'status',
      'invoice_id',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`${inv.invoiceNumber},License Console Operator,T1234567890123,${m.loginId}`);
    expect(rows[1]).toContain(',5000,500,500,5500,0,5500,unpaid,');

    const lines = await t.http.get('/api/invoices/lines.csv').set(bearer(tok));
    const lrows = lines.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lrows).toHaveLength(3);
    expect(lrows[0]).toBe(
      'invoice_number,issue_date,buyer_login_id,line_no,sku_code,description_ja,description_en,quantity,unit_price,amount,tax_rate',
    );
    expect(lrows[2]).toContain(`,2,${b.code},ライセンス ${b.code},License ${b.code},2,2000,4000,10`);
    const opCsv = await t.http.get('/api/invoices/export.csv').set(bearer(op));
    expect(opCsv.text).toContain(inv.invoiceNumber);
  });
});
