import type { DataSource } from 'typeorm';
import { rows } from '../common/database/database.js';
import { SingleFlight } from '../common/database/single-flight.js';
import type { AssignLicensesDto } from './dto/assignment.dto.js';
import { stockShort } from './stock.service.js';

/**
 * The stock-short decision of an assignment, taken before any transaction work (issue 16): a
 * refused request costs about a bare request. One per AssignmentsService (per process): it counts
 * the licenses this process's assignments in flight are taking and the committed stock last read.
 */
export class StockPrecheck {
  /** Licenses this process's assignments are taking right now, per `dealerId|skuCode`. */
  private readonly inFlight = new Map<string, number>();
  /**
   * Committed stock last read per `dealerId|skuCode|customerId` (set only when the customer is
   * this dealer's and active): refusals during a wave need no statement.
   */
  private readonly lastSeen = new Map<string, number>();
  /** Concurrent prechecks of one dealer, SKU and customer share one statement (see SingleFlight). */
  private readonly reads = new SingleFlight<{ available: number } | undefined>();

  constructor(private readonly ds: DataSource) {}

  /** Runs `assign` counted as taking `dto.quantity` licenses of the dealer's SKU while it runs. */
  async taking<T>(dealerId: string, dto: AssignLicensesDto, assign: () => Promise<T>): Promise<T> {
    const slot = `${dealerId}|${dto.skuCode}`;
    this.inFlight.set(slot, (this.inFlight.get(slot) ?? 0) + dto.quantity);
    try {
      return await assign();
    } finally {
      const left = (this.inFlight.get(slot) ?? 0) - dto.quantity;
      if (left > 0) this.inFlight.set(slot, left);
      else this.inFlight.delete(slot);
    }
  }

  /**
   * Decided before any transaction work (one statement, no locks): a request for this dealer's
   * active customer and a known SKU whose committed stock, less what this process's assignments
   * in flight are taking (`held`), is short is refused at once with the same 409 STOCK_SHORT that
   * `StockService.take` gives — as `take` itself refuses rather than wait for rows others hold
   * (SKIP LOCKED). Anything else (enough stock, or an error the transaction names better) goes on
   * to the transaction, where `take` decides; other processes' takers are left to it.
   * Concurrent prechecks of one dealer, SKU and customer share one statement (`SingleFlight`).
   */
  async refuseShortStock(dealerId: string, dto: AssignLicensesDto): Promise<void> {
    const slot = `${dealerId}|${dto.skuCode}`;
    const seenKey = `${slot}|${dto.customerId}`;
    const seen = this.lastSeen.get(seenKey);
    const held = this.inFlight.get(slot) ?? 0;
    // In a wave, while this process's takers already claim every license last seen in stock,
    // no statement is needed: `take` would find those rows locked or gone.
    if (held > 0 && seen !== undefined && seen - held < dto.quantity) {
      throw stockShort(dto.skuCode, dto.quantity, Math.max(0, seen - held));
    }
    const r = await this.reads.run(seenKey, async () => {
      const [found] = await rows<{ available: number }>(
        this.ds.manager,
        `SELECT (SELECT count(*)::int FROM license l
                  WHERE l.owner_dealer_id = $1 AND l.sku_id = s.id AND l.state = 'in_stock') AS available
           FROM sku s
          WHERE s.code = $3
            AND EXISTS (SELECT 1 FROM customer c WHERE c.id = $2 AND c.dealer_id = $1 AND c.deactivated_at IS NULL)`,
        [dealerId, dto.customerId, dto.skuCode],
      );
      return found;
    });
    if (r) this.lastSeen.set(seenKey, r.available);
    else this.lastSeen.delete(seenKey);
    if (this.lastSeen.size > 10_000) this.lastSeen.clear();
    const available = r ? Math.max(0, r.available - (this.inFlight.get(slot) ?? 0)) : 0;
    if (r && available < dto.quantity) throw stockShort(dto.skuCode, dto.quantity, available);
  }
}
