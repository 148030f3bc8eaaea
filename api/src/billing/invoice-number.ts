/** Printed invoice number: the issuer's prefix (`OP` for the operator, else its login ID) and 6 digits. */
export function invoiceNumberLabel(issuerLoginId: string | null, n: number): string {
  return `${issuerLoginId ?? 'OP'}-${String(n).padStart(6, '0')}`;
}
