import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type StockItem } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { SkuRow } from './skus.service.js';

/**
 * A dealer's stock: licenses in state `in_stock` it owns. Licenses in stock do not age. Stock
 * is taken row by row with `FOR UPDATE SKIP LOCKED`, so concurrent takers get different rows,
 * never wait on each other, and nobody takes more than there is.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Every active SKU (quantity 0 included, so the screen can offer the EC site) plus inactive
   * SKUs the dealer still holds.
   */
  async list(dealerId: string, em: EntityManager = this.ds.manager): Promise<StockItem[]> {
    const r = await rows<SkuRow & { quantity: number }>(
      em,
      `SELECT s.*, COALESCE(q.n, 0)::int AS quantity
         FROM sku s
         LEFT JOIN (SELECT sku_id, count(*) AS n FROM license
                     WHERE owner_dealer_id = $1 AND state = 'in_stock' GROUP BY sku_id) q ON q.sku_id = s.id
        WHERE s.active OR q.n > 0
        ORDER BY s.kind, s.term_months, s.code`,
      [dealerId],
    );
    return r.map((s) => ({
      skuCode: s.code,
      name: { ja: s.name_ja, en: s.name_en },
      kind: s.kind,
      termMonths: s.term_months,
      quantity: s.quantity,
    }));
  }

  async count(em: EntityManager, dealerId: string, skuId: string): Promise<number> {
    const [r] = await rows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM license WHERE owner_dealer_id = $1 AND sku_id = $2 AND state = 'in_stock'`,
      [dealerId, skuId],
    );
    return r.n;
  }

  /**
   * Locks `quantity` licenses of the dealer's stock for the caller's transaction (oldest first),
   * skipping rows other transactions hold. Fewer than asked → 409 STOCK_SHORT (the caller's
   * transaction then rolls back and releases what it locked).
   */
  async take(em: EntityManager, dealerId: string, sku: SkuRow, quantity: number): Promise<string[]> {
    const got = await rows<{ id: string }>(
      em,
      `SELECT id FROM license
        WHERE owner_dealer_id = $1 AND sku_id = $2 AND state = 'in_stock'
        ORDER BY created_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED`,
      [dealerId, sku.id, quantity],
    );
    if (got.length < quantity) throw stockShort(sku.code, quantity, got.length);
    return got.map((g) => g.id);
  }

  /** New licenses into a dealer's stock (fulfilment by the operator, EC-site purchases). */
  async mint(
    em: EntityManager,
    p: { dealerId: string; sku: SkuRow; quantity: number; orderId?: string; ecOrderId?: string },
  ): Promise<number> {
    const r = await rows<{ id: string }>(
      em,
      `INSERT INTO license (sku_id, kind, term_months, state, owner_dealer_id, order_id, ec_order_id,
                            created_at, updated_at)
       SELECT $1, $2, $3, 'in_stock', $4, $5, $6, $7, $7 FROM generate_series(1, $8)
       RETURNING id`,
      [
        p.sku.id,
        p.sku.kind,
        p.sku.term_months,
        p.dealerId,
        p.orderId ?? null,
        p.ecOrderId ?? null,
        this.clock.now(),
        p.quantity,
      ],
    );
    return r.length;
  }

  /** Moves licenses taken from one dealer's stock into another's (a sale to a secondary dealer). */
  async transfer(em: EntityManager, ids: string[], toDealerId: string, orderId: string): Promise<void> {
    await em.query(
      `UPDATE license SET owner_dealer_id = $2, order_id = $3, updated_at = $4 WHERE id = ANY($1::uuid[])`,
      [ids, toDealerId, orderId, this.clock.now()],
    );
  }
}

/** 409 STOCK_SHORT: fewer licenses of the SKU in stock than requested. */
export function stockShort(skuCode: string, requested: number, available: number): AppError {
  return AppError.conflict(
    ErrorCode.STOCK_SHORT,
    `quantity: only ${available} of ${skuCode} available in stock, ${requested} requested`,
    { skuCode, requested, available },
  );
}
