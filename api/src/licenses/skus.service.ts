import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type LicenseKind, type SkuView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { mapUniqueViolations } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import type { CreateSkuDto, UpdateSkuDto } from './dto/sku.dto.js';

export interface SkuRow {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  kind: LicenseKind;
  term_months: number;
  price_primary: number;
  price_secondary: number;
  price_list: number;
  active: boolean;
}

/** Which prices a caller sees: the operator all, a primary dealer all, a secondary dealer not the primary's. */
export type PriceAudience = 'operator' | 'primary' | 'secondary';

export function skuView(s: SkuRow, audience: PriceAudience): SkuView {
  const prices =
    audience === 'secondary'
      ? { secondary: s.price_secondary, list: s.price_list }
      : { primary: s.price_primary, secondary: s.price_secondary, list: s.price_list };
  return {
    id: s.id,
    code: s.code,
    name: { ja: s.name_ja, en: s.name_en },
    kind: s.kind,
    termMonths: s.term_months,
    prices,
    ...(audience === 'operator'
      ? {}
      : { unitPrice: audience === 'primary' ? s.price_primary : s.price_secondary }),
    active: s.active,
  };
}

/** A SKU by code, for a body field; unknown codes are a 400 naming the field. */
export async function skuByCode(
  em: EntityManager,
  code: string,
  field = 'skuCode',
  lock = false,
): Promise<SkuRow> {
  const [s] = await rows<SkuRow>(em, `SELECT * FROM sku WHERE code = $1${lock ? ' FOR SHARE' : ''}`, [code]);
  if (!s) throw AppError.badRequest(ErrorCode.SKU_UNKNOWN, `${field}: no SKU "${code}"`, { field });
  return s;
}

const SKU_CODE_TAKEN = {
  sku_code_key: () =>
    AppError.conflict(ErrorCode.SKU_CODE_TAKEN, 'code: a SKU with this code exists', { field: 'code' }),
};

@Injectable()
export class SkusService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async audience(em: EntityManager, user: AuthUser): Promise<PriceAudience> {
    if (user.role === 'operator') return 'operator';
    const [d] = await rows<{ tier: 'primary' | 'secondary' }>(em, `SELECT tier FROM dealer WHERE id = $1`, [
      user.dealerId,
    ]);
    return d?.tier ?? 'secondary';
  }

  /** The operator sees every SKU; dealers the active ones, with their own purchase price. */
  async list(user: AuthUser): Promise<SkuView[]> {
    const em = this.ds.manager;
    const audience = await this.audience(em, user);
    const r = await rows<SkuRow>(
      em,
      `SELECT * FROM sku WHERE $1 OR active ORDER BY kind, term_months, code`,
      [audience === 'operator'],
    );
    return r.map((s) => skuView(s, audience));
  }

  async create(user: AuthUser, dto: CreateSkuDto): Promise<SkuView> {
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const [s] = await rows<SkuRow>(
            em,
            `INSERT INTO sku (code, name_ja, name_en, kind, term_months, price_primary, price_secondary,
                              price_list, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
            [
              dto.code,
              dto.name.ja,
              dto.name.en,
              dto.kind,
              dto.termMonths,
              dto.prices.primary,
              dto.prices.secondary,
              dto.prices.list,
              this.clock.now(),
            ],
          );
          await this.audit.record(em, user, {
            action: 'sku.created',
            targetType: 'sku',
            targetId: s.id,
            after: skuView(s, 'operator'),
          });
          return skuView(s, 'operator');
        }),
      SKU_CODE_TAKEN,
    );
  }

  async update(user: AuthUser, code: string, dto: UpdateSkuDto): Promise<SkuView> {
    return this.ds.transaction(async (em) => {
      const [before] = await rows<SkuRow>(em, `SELECT * FROM sku WHERE code = $1 FOR UPDATE`, [code]);
      if (!before) throw AppError.notFound('SKU');
      const [after] = await rows<SkuRow>(
        em,
        `UPDATE sku SET name_ja = $2, name_en = $3, price_primary = $4, price_secondary = $5, price_list = $6,
                        active = $7
          WHERE id = $1 RETURNING *`,
        [
          before.id,
          dto.name?.ja ?? before.name_ja,
          dto.name?.en ?? before.name_en,
          dto.prices?.primary ?? before.price_primary,
          dto.prices?.secondary ?? before.price_secondary,
          dto.prices?.list ?? before.price_list,
          dto.active ?? before.active,
        ],
      );
      await this.audit.record(em, user, {
        action: 'sku.updated',
        targetType: 'sku',
        targetId: after.id,
        before: skuView(before, 'operator'),
        after: skuView(after, 'operator'),
      });
      return skuView(after, 'operator');
    });
  }
}
