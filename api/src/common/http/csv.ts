import type { Response } from 'express';

/**
 * CSV for spreadsheet users: UTF-8 with a byte-order mark (so Excel reads Japanese correctly),
 * CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/CR) prefixed with an apostrophe.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** `attachment; filename=…` with the date, e.g. customers-20270101.csv. */
export function csvDisposition(base: string, now: Date): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `attachment; filename="${base}-${d}.csv"`;
}

/** A CSV download: its file-name base, header and rows. */
export interface CsvFile {
  base: string;
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** Sets the CSV content type and file name on `res` and returns the body (`@Res({passthrough: true})`). */
export function sendCsv(res: Response, now: Date, file: CsvFile): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', csvDisposition(file.base, now));
  return toCsv(file.header, file.rows);
}
