import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  daysLeft,
  LICENSE_KINDS,
  type LicenseKind,
  type RenewalCustomerRow,
  type RenewalKindRow,
  type RenewalPipeline,
} from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { validAt } from './validity.js';

const DAY_MS = 86_400_000;

interface ValidLicenseRow {
  id: string;
  customer_id: string;
  customer_name: string;
  customer_email: string | null;
  kind: LicenseKind;
  state: 'assigned' | 'bound';
  camera_id: string | null;
  sku_id: string;
  sku_code: string;
  ends_at: Date;
}

interface Need {
  skuId: string;
  skuCode: string;
}

/**
 * The renewal pipeline (SPEC §6) of a dealer's customers. For each customer and kind:
 *  - ending: valid licenses (assigned or bound) ending within the window (now, now + N days];
 *  - waiting: licenses already in the customer's pool (assigned, not bound) of that kind that end
 *    after the window, i.e. renewals that will bind automatically;
 *  - shortfall: ending − waiting, at least 0.
 * The renewal order covers each shortfall with the SKU of the licenses it replaces (the ones
 * ending last are the uncovered ones).
 */
@Injectable()
export class RenewalsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  private async compute(
    dealerId: string,
    withinDays: number,
  ): Promise<{ pipeline: RenewalPipeline; needs: Need[] }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + withinDays * DAY_MS);
    const r = await rows<ValidLicenseRow>(
      this.ds.manager,
      `SELECT l.id, l.customer_id, c.name AS customer_name, cu.email AS customer_email, l.kind, l.state,
              l.camera_id, l.sku_id, s.code AS sku_code, l.ends_at
         FROM license l
         JOIN customer c ON c.id = l.customer_id
         JOIN sku s ON s.id = l.sku_id
         LEFT JOIN app_user cu ON cu.customer_id = c.id AND cu.role = 'customer'
        WHERE c.dealer_id = $1 AND l.state IN ('assigned', 'bound') AND ${validAt('l.ends_at', '$2')}
        ORDER BY c.name, c.id, l.ends_at, l.assigned_at, l.id`,
      [dealerId, now],
    );
    const byCustomer = new Map<string, ValidLicenseRow[]>();
    for (const l of r) {
      const list = byCustomer.get(l.customer_id) ?? [];
      list.push(l);
      byCustomer.set(l.customer_id, list);
    }
    const customers: RenewalCustomerRow[] = [];
    const needs: Need[] = [];
    const totals = new Map<LicenseKind, RenewalKindRow>(
      LICENSE_KINDS.map((kind) => [kind, { kind, ending: 0, waiting: 0, shortfall: 0 }]),
    );
    for (const list of byCustomer.values()) {
      const endingAll = list.filter((l) => l.ends_at <= until);
      if (!endingAll.length) continue;
      const kinds: RenewalKindRow[] = [];
      for (const kind of LICENSE_KINDS) {
        const ending = endingAll.filter((l) => l.kind === kind);
        if (!ending.length) continue;
        const waiting = list.filter(
          (l) => l.kind === kind && l.state === 'assigned' && l.ends_at > until,
        ).length;
        const shortfall = Math.max(0, ending.length - waiting);
        kinds.push({ kind, ending: ending.length, waiting, shortfall });
        for (const l of ending.slice(ending.length - shortfall))
          needs.push({ skuId: l.sku_id, skuCode: l.sku_code });
        const t = totals.get(kind)!;
        t.ending += ending.length;
        t.waiting += waiting;
        t.shortfall += shortfall;
      }
      customers.push({
        customerId: list[0].customer_id,
        customerName: list[0].customer_name,
        customerEmail: list[0].customer_email,
        kinds,
        licenses: endingAll.map((l) => ({
          id: l.id,
          skuCode: l.sku_code,
          kind: l.kind,
          state: l.state,
          cameraId: l.camera_id,
          endsAt: l.ends_at.toISOString(),
          daysLeft: daysLeft(l.ends_at, now),
        })),
      });
    }
    return {
      pipeline: { withinDays, until: until.toISOString(), customers, totals: [...totals.values()] },
      needs,
    };
  }

  pipeline(dealerId: string, withinDays: number): Promise<RenewalPipeline> {
    return this.compute(dealerId, withinDays).then((c) => c.pipeline);
  }

  /**
   * A prefilled order body for the shortfall, net of the dealer's stock, per SKU. A SKU that can
   * no longer be ordered is replaced by an active one of the same kind and term; without one the
   * need is left out.
   */
  async shortfallOrder(
    dealerId: string,
    withinDays: number,
  ): Promise<{ lines: Array<{ skuCode: string; quantity: number }> }> {
    const { needs } = await this.compute(dealerId, withinDays);
    if (!needs.length) return { lines: [] };
    const skus = await rows<{
      id: string;
      code: string;
      kind: LicenseKind;
      term_months: number;
      active: boolean;
      in_stock: number;
    }>(
      this.ds.manager,
      `SELECT s.id, s.code, s.kind, s.term_months, s.active,
              (SELECT count(*)::int FROM license l
                WHERE l.owner_dealer_id = $1 AND l.sku_id = s.id AND l.state = 'in_stock') AS in_stock
         FROM sku s ORDER BY s.code`,
      [dealerId],
    );
    const byId = new Map(skus.map((s) => [s.id, s]));
    const wanted = new Map<string, number>();
    for (const n of needs) {
      const s = byId.get(n.skuId)!;
      const target = s.active
        ? s
        : skus.find((o) => o.active && o.kind === s.kind && o.term_months === s.term_months);
      if (target) wanted.set(target.code, (wanted.get(target.code) ?? 0) + 1);
    }
    const lines: Array<{ skuCode: string; quantity: number }> = [];
    for (const [code, n] of [...wanted.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const stock = skus.find((s) => s.code === code)!.in_stock;
      const quantity = Math.min(1000, n - stock);
      if (quantity > 0) lines.push({ skuCode: code, quantity });
    }
    return { lines };
  }
}
