import { Injectable, type ArgumentMetadata } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, type EcSiteView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { validationPipe } from '../common/errors/validation.js';
import { skuByCode } from '../licenses/skus.service.js';
import { StockService } from '../licenses/stock.service.js';
import { EcWebhookDto, type EcWebhookResultDto } from './dto/ec.dto.js';
import { verifyEcSignature } from './ec-signature.js';

const BODY: ArgumentMetadata = { type: 'body', metatype: EcWebhookDto };

/**
 * EC-site purchases (SPEC §6): the shop calls a per-dealer webhook signed with the dealer's
 * secret; a paid shop order becomes stock once, however often it is delivered (unique per
 * dealer and shop order id).
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

  webhookUrl(loginId: string): string {
    return `${this.config.publicUrl}/api/ec/webhook/${encodeURIComponent(loginId)}`;
  }

  async webhook(
    loginId: string,
    signature: string | undefined,
    rawBody: Buffer | undefined,
    body: unknown,
  ): Promise<EcWebhookResultDto> {
    const [dealer] = await rows<{ id: string; ec_webhook_secret: string | null }>(
      this.ds.manager,
      `SELECT id, ec_webhook_secret FROM dealer WHERE login_id = $1`,
      [loginId],
    );
    // An unknown dealer and a wrong secret look the same from outside.
    const check = verifyEcSignature(
      signature,
      rawBody,
      dealer?.ec_webhook_secret ?? null,
      this.clock.now().getTime(),
    );
    if (check === 'stale') {
      throw AppError.unauthorized(
        ErrorCode.EC_TIMESTAMP_STALE,
        'X-Signature: timestamp is more than 5 minutes away from the server time',
      );
    }
    if (check !== 'ok' || !dealer) {
      throw AppError.unauthorized(
        ErrorCode.EC_SIGNATURE_INVALID,
        'X-Signature: missing or invalid signature',
      );
    }
    const dto = (await this.pipe.transform(body ?? {}, BODY)) as EcWebhookDto;
    if (dto.status !== 'paid') return { received: true, duplicate: false, ignored: true, minted: 0 };

    return this.ds.transaction(async (em) => {
      const skus = [];
      for (const [i, l] of dto.lines.entries())
        skus.push(await skuByCode(em, l.skuCode, `lines.${i}.skuCode`));
      const now = this.clock.now();
      const total = dto.lines.reduce((s, l) => s + l.quantity, 0);
      const [created] = await rows<{ id: string }>(
        em,
        `INSERT INTO ec_order (dealer_id, shop_order_id, status, lines, license_count, received_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (dealer_id, shop_order_id) DO NOTHING RETURNING id`,
        [dealer.id, dto.shopOrderId, dto.status, JSON.stringify(dto.lines), total, now],
      );
      if (!created) {
        const [existing] = await rows<{ id: string }>(
          em,
          `SELECT id FROM ec_order WHERE dealer_id = $1 AND shop_order_id = $2`,
          [dealer.id, dto.shopOrderId],
        );
        return { received: true, duplicate: true, ecOrderId: existing.id, minted: 0 };
      }
      let minted = 0;
      for (const [i, l] of dto.lines.entries()) {
        minted += await this.stock.mint(em, {
          dealerId: dealer.id,
          sku: skus[i],
          quantity: l.quantity,
          ecOrderId: created.id,
        });
      }
      await this.audit.record(em, null, {
        action: 'ec.order.paid',
        targetType: 'ec_order',
        targetId: created.id,
        dealerId: dealer.id,
        after: { shopOrderId: dto.shopOrderId, lines: dto.lines, minted },
      });
      return { received: true, duplicate: false, ecOrderId: created.id, minted };
    });
  }

  /** A new webhook secret (shown once), replacing the previous one. Owner or manager. */
  async rotateSecret(user: AuthUser): Promise<{ secret: string; webhookUrl: string; createdAt: string }> {
    if (user.memberRole === 'staff') {
      throw AppError.forbidden('Only an owner or manager may create the EC-site secret');
    }
    const secret = `whsec_${randomBytes(32).toString('hex')}`;
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const [d] = await rows<{ login_id: string; had: boolean }>(
        em,
        `SELECT login_id, ec_webhook_secret IS NOT NULL AS had FROM dealer WHERE id = $1 FOR UPDATE`,
        [user.dealerId],
      );
      await em.query(
        `UPDATE dealer SET ec_webhook_secret = $2, ec_webhook_secret_created_at = $3, updated_at = $3 WHERE id = $1`,
        [user.dealerId, secret, now],
      );
      await this.audit.record(em, user, {
        action: d.had ? 'dealer.ec_secret.rotated' : 'dealer.ec_secret.created',
        targetType: 'dealer',
        targetId: user.dealerId!,
      });
      return { secret, webhookUrl: this.webhookUrl(d.login_id), createdAt: now.toISOString() };
    });
  }

  async site(user: AuthUser): Promise<EcSiteView> {
    const [r] = await rows<{ login_id: string; configured: boolean; dismissed: boolean }>(
      this.ds.manager,
      `SELECT d.login_id, d.ec_webhook_secret IS NOT NULL AS configured,
              (SELECT u.ec_site_dialog_dismissed_at IS NOT NULL FROM app_user u WHERE u.id = $2) AS dismissed
         FROM dealer d WHERE d.id = $1`,
      [user.dealerId, user.id],
    );
    return {
      url: this.config.ecSiteUrl,
      dismissed: r.dismissed === true,
      webhookUrl: this.webhookUrl(r.login_id),
      secretConfigured: r.configured,
    };
  }

  async dismiss(user: AuthUser, dismissed: boolean): Promise<EcSiteView> {
    await this.ds.query(
      `UPDATE app_user SET ec_site_dialog_dismissed_at = $2, updated_at = $3 WHERE id = $1`,
      [user.id, dismissed ? this.clock.now() : null, this.clock.now()],
    );
    return this.site(user);
  }
}
