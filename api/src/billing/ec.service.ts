import { Injectable, type ArgumentMetadata } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, STANDARD_TAX_RATE, type EcSiteView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { validationPipe } from '../common/errors/validation.js';
import { invoiceIssuedEvent, orderUpdatedEvent } from '../integrations/events.js';
import { dealerContact } from '../licenses/contacts.js';
import { skuByCode, type SkuRow } from '../licenses/skus.service.js';
import { StockService } from '../licenses/stock.service.js';
import { EcWebhookDto, type EcWebhookResultDto } from './dto/ec.dto.js';
import { verifyEcSignature } from './ec-signature.js';
import { insertOrder, issueInvoice, priceLines, recordPayment } from './books.js';

const BODY: ArgumentMetadata = { type: 'body', metatype: EcWebhookDto };

/**
 * EC-site purchases (SPEC §6). The EC site is the operator's shop: it signs its webhook with the
 * operator's shop secret (`EC_WEBHOOK_SECRET`; no dealer can read or create it) and names the
 * buying dealer. A paid shop order becomes, once per shop order id across the shop and in one
 * transaction: a fulfilled purchase order from the operator, its invoice paid in full (so billing
 * reconciles), and the licenses in the buyer's stock.
 */
@Injectable()
export class EcService {
  private readonly pipe = validationPipe();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly stock: StockService,
    private readonly audit: AuditService,
  ) {}

  /** The configured shop secrets (several, comma-separated, while the shop rotates). */
  private secrets(): string[] {
    return (this.config.ecWebhookSecret ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  async webhook(
    signature: string | undefined,
    rawBody: Buffer | undefined,
    body: unknown,
  ): Promise<EcWebhookResultDto> {
    const now = this.clock.now();
    const secrets = this.secrets();
    const checks = (secrets.length ? secrets : [null]).map((secret) =>
      verifyEcSignature(signature, rawBody, secret, now.getTime()),
    );
    if (checks.includes('stale')) {
      throw AppError.unauthorized(
        ErrorCode.EC_TIMESTAMP_STALE,
        'X-Signature: timestamp is more than 5 minutes away from the server time',
      );
    }
    if (!checks.includes('ok')) {
      throw AppError.unauthorized(
        ErrorCode.EC_SIGNATURE_INVALID,
        'X-Signature: missing or invalid signature',
      );
    }
    const dto = (await this.pipe.transform(body ?? {}, BODY)) as EcWebhookDto;
    if (dto.status !== 'paid') return { received: true, duplicate: false, ignored: true, minted: 0 };

    return this.ds.transaction(async (em) => {
      const [dealer] = await rows<{ id: string }>(em, `SELECT id FROM dealer WHERE login_id = $1`, [
        dto.dealerLoginId,
      ]);
      if (!dealer) throw AppError.validation('dealerLoginId', 'no dealer has this login ID');
      const skus: SkuRow[] = [];
      for (const [i, l] of dto.lines.entries()) {
        const field = `lines.${i}.skuCode`;
        if (skus.some((s) => s.code === l.skuCode)) {
          throw AppError.badRequest(
            ErrorCode.ORDER_DUPLICATE_SKU,
            `${field}: ${l.skuCode} is already on the order`,
            {
              field,
            },
          );
        }
        skus.push(await skuByCode(em, l.skuCode, field));
      }
      const total = dto.lines.reduce((s, l) => s + l.quantity, 0);
      const [created] = await rows<{ id: string }>(
        em,
        `INSERT INTO ec_order (dealer_id, shop_order_id, status, lines, license_count, received_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (shop_order_id) DO NOTHING RETURNING id`,
        [dealer.id, dto.shopOrderId, dto.status, JSON.stringify(dto.lines), total, now],
      );
      if (!created) {
        const [existing] = await rows<{ id: string; order_id: string | null }>(
          em,
          `SELECT id, order_id FROM ec_order WHERE shop_order_id = $1`,
          [dto.shopOrderId],
        );
        return {
          received: true,
          duplicate: true,
          ecOrderId: existing.id,
          ...(existing.order_id ? { orderId: existing.order_id } : {}),
          minted: 0,
        };
      }
      const billed = await recordShopSale(em, this.config, now, dealer.id, dto.lines, skus);
      await em.query(`UPDATE ec_order SET order_id = $2 WHERE id = $1`, [created.id, billed.orderId]);
      let minted = 0;
      for (const [i, l] of dto.lines.entries()) {
        minted += await this.stock.mint(em, {
          dealerId: dealer.id,
          sku: skus[i],
          quantity: l.quantity,
          orderId: billed.orderId,
          ecOrderId: created.id,
        });
      }
      await this.audit.record(em, null, {
        action: 'ec.order.paid',
        targetType: 'ec_order',
        targetId: created.id,
        dealerId: dealer.id,
        after: { shopOrderId: dto.shopOrderId, lines: dto.lines, minted, ...billed },
      });
      return { received: true, duplicate: false, ecOrderId: created.id, orderId: billed.orderId, minted };
    });
  }

  async site(user: AuthUser): Promise<EcSiteView> {
    const [r] = await rows<{ dismissed: boolean }>(
      this.ds.manager,
      `SELECT ec_site_dialog_dismissed_at IS NOT NULL AS dismissed FROM app_user WHERE id = $1`,
      [user.id],
    );
    return { url: this.config.ecSiteUrl, dismissed: r?.dismissed === true };
  }

  async dismiss(user: AuthUser, dismissed: boolean): Promise<EcSiteView> {
    await this.ds.query(
      `UPDATE app_user SET ec_site_dialog_dismissed_at = $2, updated_at = $3 WHERE id = $1`,
      [user.id, dismissed ? this.clock.now() : null, this.clock.now()],
    );
    return this.site(user);
  }
}

/**
 * The books of one paid shop sale: a purchase order from the operator (fulfilled at once) and
 * the operator's invoice for it, paid in full, numbered from the operator's gap-free counter,
 * with the buyer's `order.updated` (status `fulfilled`) and `invoice.issued` webhook events.
 * Prices are the buyer's tier price of each SKU, as for an order placed in the console.
 */
async function recordShopSale(
  em: EntityManager,
  config: AppConfig,
  now: Date,
  dealerId: string,
  lines: Array<{ quantity: number }>,
  skus: SkuRow[],
): Promise<{
  orderId: string;
  orderNumber: number;
  invoiceId: string;
  invoiceNumber: number;
  total: number;
}> {
  const buyer = (await dealerContact(em, dealerId))!;
  const { lines: priced, sum } = priceLines(
    buyer.tier,
    lines.map((l, i) => ({ sku: skus[i], quantity: l.quantity })),
  );
  const o = await insertOrder(em, {
    buyerDealerId: buyer.id,
    supplierDealerId: null,
    lines: priced,
    sum,
    now,
    settled: true,
  });
  const inv = await issueInvoice(em, {
    issuerDealerId: null,
    orderId: o.id,
    buyerDealerId: buyer.id,
    issuerName: config.invoiceIssuerName,
    registrationNumber: config.invoiceRegistrationNumber,
    buyerName: buyer.companyName,
    issuedAt: now,
    dueAt: now,
    sum,
    lines: priced.map((l, i) => ({
      lineNo: i + 1,
      code: l.sku.code,
      nameJa: l.sku.name_ja,
      nameEn: l.sku.name_en,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      taxRate: STANDARD_TAX_RATE,
    })),
  });
  await recordPayment(em, { id: inv.id, total: sum.total, amountPaid: 0 }, sum.total, now, null);
  // The buyer's system hears of the sale like of a console order (outbox, same transaction).
  await orderUpdatedEvent(em, o.id, now);
  await invoiceIssuedEvent(em, inv.id, now);
  return {
    orderId: o.id,
    orderNumber: o.number,
    invoiceId: inv.id,
    invoiceNumber: inv.number,
    total: sum.total,
  };
}
