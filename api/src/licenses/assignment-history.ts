import type { EntityManager } from 'typeorm';
import type { AssignmentHistoryItem, LicenseKind, Page } from '@lc/shared';
import { PAGE_SIZE_DEFAULT } from '@lc/shared';
import { rows } from '../common/database/database.js';
import { toCsv } from '../common/http/csv.js';
import { parseBound } from './date-range.js';
import type { AssignmentQueryDto } from './dto/assignment.dto.js';

// The dealer's assignment history (page and CSV), split from assignments.service.ts.

interface HistoryRow {
  id: string;
  customer_id: string;
  sku_code: string;
  quantity: number;
  assigned_at: Date;
  free_until: Date;
  term_starts_at: Date;
  ends_at: Date;
  customer_name: string;
  customer_email: string | null;
  name_ja: string;
  name_en: string;
  kind: LicenseKind;
  term_months: number;
  assigned_by_user_id: string | null;
  assigned_by_name: string | null;
  total: number;
}

const iso = (d: Date) => d.toISOString();

function historyRows(
  em: EntityManager,
  dealerId: string,
  q: AssignmentQueryDto,
  limit: number,
  offset: number,
): Promise<HistoryRow[]> {
  return rows<HistoryRow>(
    em,
    `SELECT a.*, s.code AS sku_code, s.name_ja, s.name_en, s.kind, s.term_months,
              c.name AS customer_name, cu.email AS customer_email, u.name AS assigned_by_name,
              count(*) OVER ()::int AS total
         FROM license_assignment a
         JOIN sku s ON s.id = a.sku_id
         JOIN customer c ON c.id = a.customer_id
         LEFT JOIN app_user cu ON cu.customer_id = c.id AND cu.role = 'customer'
         LEFT JOIN app_user u ON u.id = a.assigned_by_user_id
        WHERE a.dealer_id = $1
          AND ($2::uuid IS NULL OR a.customer_id = $2)
          AND ($3::text IS NULL OR s.code = $3)
          AND ($4::timestamptz IS NULL OR a.assigned_at >= $4)
          AND ($5::timestamptz IS NULL OR a.assigned_at < $5)
        ORDER BY a.assigned_at DESC, a.id DESC
        LIMIT $6 OFFSET $7`,
    [
      dealerId,
      q.customerId ?? null,
      q.skuCode ?? null,
      parseBound(q.from, 'from'),
      parseBound(q.to, 'to'),
      limit,
      offset,
    ],
  );
}

/** One page of the dealer's assignment history. */
export async function assignmentHistory(
  em: EntityManager,
  dealerId: string,
  q: AssignmentQueryDto,
): Promise<Page<AssignmentHistoryItem>> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
  const r = await historyRows(em, dealerId, q, pageSize, (page - 1) * pageSize);
  let total = r[0]?.total ?? 0;
  if (!r.length && page > 1) total = (await historyRows(em, dealerId, q, 1, 0))[0]?.total ?? 0;
  return {
    items: r.map((a) => ({
      id: a.id,
      customerId: a.customer_id,
      customerName: a.customer_name,
      customerEmail: a.customer_email,
      skuCode: a.sku_code,
      skuName: { ja: a.name_ja, en: a.name_en },
      kind: a.kind,
      termMonths: a.term_months,
      quantity: a.quantity,
      assignedAt: iso(a.assigned_at),
      freeUntil: iso(a.free_until),
      termStartsAt: iso(a.term_starts_at),
      endsAt: iso(a.ends_at),
      assignedBy: { id: a.assigned_by_user_id, name: a.assigned_by_name },
    })),
    total,
    page,
    pageSize,
  };
}

/** The dealer's whole filtered history (up to 50 000 rows) as CSV. */
export async function assignmentHistoryCsv(
  em: EntityManager,
  dealerId: string,
  q: AssignmentQueryDto,
): Promise<string> {
  const r = await historyRows(em, dealerId, q, 50_000, 0);
  return toCsv(
    [
      'assignment_id',
      'assigned_at',
      'customer_id',
      'customer_name',
      'customer_email',
      'sku_code',
      'sku_name_ja',
      'sku_name_en',
      'kind',
      'term_months',
      'quantity',
      'free_until',
      'term_starts_at',
      'ends_at',
      'assigned_by',
    ],
    r.map((a) => [
      a.id,
      a.assigned_at,
      a.customer_id,
      a.customer_name,
      a.customer_email,
      a.sku_code,
      a.name_ja,
      a.name_en,
      a.kind,
      a.term_months,
      a.quantity,
      a.free_until,
      a.term_starts_at,
      a.ends_at,
      a.assigned_by_name,
    ]),
  );
}
