import { DEFAULT_TIME_ZONE, type InvoiceView } from '@lc/shared';

export type PrintLanguage = 'ja' | 'en';

const LABELS = {
  ja: {
    title: '適格請求書',
    number: '請求書番号',
    issued: '発行日',
    due: 'お支払期限',
    order: '発注番号',
    to: '御中',
    registration: '登録番号',
    description: '品目',
    quantity: '数量',
    unitPrice: '単価',
    amount: '金額',
    rate: '税率',
    subtotal: '小計（税抜）',
    taxFor: (r: number) => `${r}%対象`,
    taxOf: (r: number) => `消費税（${r}%）`,
    total: '合計（税込）',
    paid: 'お支払済',
    due2: 'ご請求残高',
    status: '状態',
    statuses: {
      unpaid: '未払い',
      partially_paid: '一部入金',
      paid: '支払済',
      overdue: '支払期限超過',
      void: '無効',
    },
    voidNote: 'この請求書は発注の取消により無効です。',
    print: '印刷',
  },
  en: {
    title: 'Qualified invoice',
    number: 'Invoice number',
    issued: 'Issue date',
    due: 'Due date',
    order: 'Order number',
    to: '',
    registration: 'Registration number',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    rate: 'Tax rate',
    subtotal: 'Subtotal (excl. tax)',
    taxFor: (r: number) => `Taxable at ${r}%`,
    taxOf: (r: number) => `Consumption tax (${r}%)`,
    total: 'Total (incl. tax)',
    paid: 'Paid',
    due2: 'Amount due',
    status: 'Status',
    statuses: {
      unpaid: 'Unpaid',
      partially_paid: 'Partially paid',
      paid: 'Paid',
      overdue: 'Overdue',
      void: 'Void',
    },
    voidNote: 'This invoice is void: its order was cancelled.',
    print: 'Print',
  },
} as const;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const money = (n: number) => `¥${n.toLocaleString('en-US')}`;

function day(iso: string, lang: PrintLanguage): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
  }).format(new Date(iso));
}

/** A self-contained, printable HTML page of an invoice (dates in Asia/Tokyo). */
export function renderInvoiceHtml(inv: InvoiceView & { orderNumber: number }, lang: PrintLanguage): string {
  const L = LABELS[lang];
  const lines = inv.lines
    .map(
      (l) => `<tr>
        <td>${esc(l.description)}<div class="code">${esc(l.skuCode)}</div></td>
        <td class="num">${l.quantity}</td>
        <td class="num">${money(l.unitPrice)}</td>
        <td class="num">${l.taxRate}%</td>
        <td class="num">${money(l.amount)}</td>
      </tr>`,
    )
    .join('');
  const taxes = inv.taxes
    .map(
      (t) => `<tr><th>${esc(L.taxFor(t.rate))}</th><td class="num">${money(t.taxable)}</td></tr>
        <tr><th>${esc(L.taxOf(t.rate))}</th><td class="num">${money(t.tax)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(L.title)} ${esc(inv.invoiceNumber)}</title>
<style>
  body { font-family: 'Helvetica Neue', Arial, 'Hiragino Sans', 'Noto Sans JP', sans-serif; color: #1f2933;
         max-width: 800px; margin: 24px auto; padding: 0 24px; }
  h1 { font-size: 24px; letter-spacing: .1em; border-bottom: 2px solid #1f2933; padding-bottom: 8px; }
  .head { display: flex; justify-content: space-between; gap: 24px; margin: 16px 0 24px; }
  .to { font-size: 18px; }
  table { border-collapse: collapse; width: 100%; }
  .meta th, .totals th { text-align: left; font-weight: normal; color: #52606d; padding: 2px 12px 2px 0; }
  .lines th, .lines td { border-bottom: 1px solid #cbd2d9; padding: 6px 8px; }
  .lines th { background: #f0f4f8; text-align: left; }
  .num { text-align: right; white-space: nowrap; }
  .code { font-size: 11px; color: #7b8794; }
  .totals { width: 50%; margin-left: auto; margin-top: 16px; }
  .totals td, .totals th { padding: 4px 8px; }
  .grand th, .grand td { font-weight: bold; font-size: 18px; border-top: 2px solid #1f2933; }
  .void { color: #b91c1c; font-weight: bold; margin: 12px 0; }
  @media print { .noprint { display: none; } body { margin: 0; } }
</style>
<script src="/api/assets/print.js" defer></script>
</head>
<body>
<p class="noprint"><button type="button" data-print>${esc(L.print)}</button></p>
<h1>${esc(L.title)}</h1>
${inv.status === 'void' ? `<p class="void">${esc(L.voidNote)}</p>` : ''}
<div class="head">
  <div>
    <p class="to"><strong>${esc(inv.buyer.companyName)}</strong> ${esc(L.to)}</p>
    <table class="meta">
      <tr><th>${esc(L.number)}</th><td>${esc(inv.invoiceNumber)}</td></tr>
      <tr><th>${esc(L.issued)}</th><td>${esc(day(inv.issuedAt, lang))}</td></tr>
      <tr><th>${esc(L.due)}</th><td>${esc(day(inv.dueAt, lang))}</td></tr>
      <tr><th>${esc(L.order)}</th><td>${inv.orderNumber}</td></tr>
      <tr><th>${esc(L.status)}</th><td>${esc(L.statuses[inv.status])}</td></tr>
    </table>
  </div>
  <div>
    <p><strong>${esc(inv.issuer.name)}</strong></p>
    <p>${esc(L.registration)}: ${esc(inv.issuer.registrationNumber ?? '—')}</p>
  </div>
</div>
<table class="lines">
  <thead><tr><th>${esc(L.description)}</th><th class="num">${esc(L.quantity)}</th>
    <th class="num">${esc(L.unitPrice)}</th><th class="num">${esc(L.rate)}</th><th class="num">${esc(L.amount)}</th></tr></thead>
  <tbody>${lines}</tbody>
</table>
<table class="totals">
  <tr><th>${esc(L.subtotal)}</th><td class="num">${money(inv.subtotal)}</td></tr>
  ${taxes}
  <tr class="grand"><th>${esc(L.total)}</th><td class="num">${money(inv.total)}</td></tr>
  <tr><th>${esc(L.paid)}</th><td class="num">${money(inv.amountPaid)}</td></tr>
  <tr><th>${esc(L.due2)}</th><td class="num">${money(inv.amountDue)}</td></tr>
</table>
</body>
</html>
`;
}
