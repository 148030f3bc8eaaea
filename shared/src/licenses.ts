/**
 * Licenses and billing: enums and the shapes of the API's answers (API.md "Licenses and
 * billing"), for the web's typed client. Times are ISO-8601 strings in UTC; money is integer yen.
 */

export const LICENSE_KINDS = ['edge', 'direct'] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

export const LICENSE_STATES = ['in_stock', 'assigned', 'bound', 'expired', 'void'] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];

export const ORDER_STATUSES = [
  'submitted',
  'confirmed',
  'invoiced',
  'paid',
  'fulfilled',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Renewal pipeline windows (SPEC §6). */
export const RENEWAL_WINDOWS = [30, 60, 90] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

/** Quantity of one order line or one assignment. */
export const QUANTITY_LIMITS = { min: 1, max: 1000 } as const;

/** A SKU's limits, checked by the API and by the console's SKU form alike. */
export const SKU_LIMITS = {
  /** Highest price of one license, integer yen. */
  priceMax: 10_000_000,
  /** Characters of each of its names (ja, en). */
  nameMax: 200,
  /** Longest term, in months. */
  termMonthsMax: 120,
} as const;
/** A SKU code: 2–40 characters of A-Z a-z 0-9 _ -, starting with a letter or digit. */
export const SKU_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

/** Consumption tax rate in percent (SPEC §6). */
export const STANDARD_TAX_RATE = 10;

export interface LocalizedName {
  ja: string;
  en: string;
}

export interface SkuPrices {
  /** Primary-dealer price (hidden from secondary dealers). */
  primary?: number;
  secondary: number;
  list: number;
}

export interface SkuView {
  id: string;
  code: string;
  name: LocalizedName;
  kind: LicenseKind;
  termMonths: number;
  prices: SkuPrices;
  /** What the caller pays per license (dealers only). */
  unitPrice?: number;
  active: boolean;
}

export interface StockItem {
  skuCode: string;
  name: LocalizedName;
  kind: LicenseKind;
  termMonths: number;
  quantity: number;
}

export interface AssignmentPreview {
  assignedAt: string;
  freeUntil: string;
  termStartsAt: string;
  endsAt: string;
  overlapDays: number;
  /** The license the overlap was measured against, if any. */
  comparedWith: { licenseId: string; endsAt: string } | null;
  timeZone: string;
  inStock: number;
}

export interface AssignedLicense {
  id: string;
  assignedAt: string;
  freeUntil: string;
  termStartsAt: string;
  endsAt: string;
}

export interface AssignmentResult {
  id: string;
  customerId: string;
  skuCode: string;
  quantity: number;
  assignedAt: string;
  freeUntil: string;
  termStartsAt: string;
  endsAt: string;
  overlapDays: number;
  licenses: AssignedLicense[];
}

export interface AssignmentHistoryItem {
  id: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  skuCode: string;
  skuName: LocalizedName;
  kind: LicenseKind;
  termMonths: number;
  quantity: number;
  assignedAt: string;
  freeUntil: string;
  termStartsAt: string;
  endsAt: string;
  assignedBy: { id: string | null; name: string | null };
}

export interface CustomerLicense {
  id: string;
  skuCode: string;
  kind: LicenseKind;
  /** Effective state: an assigned/bound license past `endsAt` reads `expired`. */
  state: Exclude<LicenseState, 'in_stock'>;
  cameraId: string | null;
  assignedAt: string;
  freeUntil: string;
  termStartsAt: string;
  endsAt: string;
  termMonths: number;
  daysLeft: number;
}

export interface OrderLineView {
  skuCode: string;
  name: LocalizedName;
  kind: LicenseKind;
  termMonths: number;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface DealerRef {
  id: string;
  loginId: string;
  companyName: string;
}

export interface OrderView {
  id: string;
  /** Sequential order number. */
  number: number;
  status: OrderStatus;
  buyer: DealerRef & { tier: 'primary' | 'secondary' };
  /** null: the operator. */
  supplier: DealerRef | null;
  lines: OrderLineView[];
  subtotal: number;
  tax: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  invoiceId: string | null;
  createdAt: string;
  confirmedAt: string | null;
  invoicedAt: string | null;
  paidAt: string | null;
  fulfilledAt: string | null;
  cancelledAt: string | null;
}

export interface TaxLine {
  rate: number;
  taxable: number;
  tax: number;
}

export interface InvoiceView {
  id: string;
  number: number;
  /** Display number, e.g. `OP-000042` or `<issuer login ID>-000007`. */
  invoiceNumber: string;
  orderId: string;
  issuer: { dealerId: string | null; name: string; registrationNumber: string | null };
  buyer: DealerRef;
  issuedAt: string;
  dueAt: string;
  lines: Array<{
    lineNo: number;
    skuCode: string;
    /** The Japanese description as printed; `name` has both languages. */
    description: string;
    name: LocalizedName;
    quantity: number;
    unitPrice: number;
    amount: number;
    taxRate: number;
  }>;
  subtotal: number;
  taxes: TaxLine[];
  tax: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  status: InvoiceStatus;
  payments: Array<{ id: string; amount: number; paidAt: string }>;
}

export interface EcSiteView {
  url: string;
  dismissed: boolean;
}

export interface RenewalKindRow {
  kind: LicenseKind;
  ending: number;
  waiting: number;
  shortfall: number;
}

export interface RenewalCustomerRow {
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  kinds: RenewalKindRow[];
  licenses: Array<{
    id: string;
    skuCode: string;
    kind: LicenseKind;
    state: 'assigned' | 'bound';
    cameraId: string | null;
    endsAt: string;
    daysLeft: number;
  }>;
}

export interface RenewalPipeline {
  withinDays: number;
  until: string;
  customers: RenewalCustomerRow[];
  totals: RenewalKindRow[];
}
