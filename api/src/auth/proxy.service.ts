import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, PROXY_SESSION_MINUTES, type ProxySessionCreated, type SessionUser } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { MailService } from '../common/mail/mail.service.js';
import { formatDate } from '../common/mail/templates.js';
import { AuditService } from '../common/audit/audit.service.js';
import { User } from '../accounts/entities.js';
import { PortalMessages } from '../portal/messages.service.js';
import { AuthService, proxyInfo, toSessionUser } from './auth.service.js';

const PORTAL_TEXT = {
  ja: {
    title: '販売店による代理ログインが開始されました',
    body: (p: Params) =>
      `${p.dealerCompanyName}の${p.memberName}様が、お客さまのアカウントに代理ログインしました。\n` +
      `理由: ${p.reason}\n終了予定: ${p.until}`,
  },
  en: {
    title: 'Your dealer signed in to your account',
    body: (p: Params) =>
      `${p.memberName} of ${p.dealerCompanyName} opened a proxy session on your account.\n` +
      `Reason: ${p.reason}\nIt ends at: ${p.until}`,
  },
} as const;
interface Params {
  dealerCompanyName: string;
  memberName: string;
  reason: string;
  until: string;
}

/**
 * Proxy login (SPEC §5, seed 002 "proxy login user"): a dealer member opens a time-limited
 * session as one of its own customers, with a reason. The session acts as the customer and
 * carries the member (`act` claim, auth_session.acting_user_id); the customer is told by
 * e-mail and by a portal message; opening and closing are audited.
 */
@Injectable()
export class ProxyService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly messages: PortalMessages,
  ) {}

  async open(
    actor: AuthUser,
    body: { customerId: string; reason: string; minutes?: number },
    ip: string | null,
    userAgent: string | null,
  ): Promise<ProxySessionCreated & { user: SessionUser }> {
    const minutes = body.minutes ?? PROXY_SESSION_MINUTES.default;
    return this.ds.transaction(async (em) => {
      // Tenancy in the query: only a customer of the caller's own dealer exists here.
      const [c] = await rows<{ id: string; user_id: string; dealer_id: string; company_name: string }>(
        em,
        `SELECT c.id, u.id AS user_id, c.dealer_id, d.company_name
           FROM customer c
           JOIN dealer d ON d.id = c.dealer_id
           JOIN app_user u ON u.customer_id = c.id AND u.role = 'customer'
          WHERE c.id = $1 AND c.dealer_id = $2 AND c.deactivated_at IS NULL AND u.active`,
        [body.customerId, actor.dealerId],
      );
      if (!c) throw AppError.notFound('Customer');
      const [member] = await rows<{ name: string }>(
        em,
        `SELECT name FROM app_user WHERE id = $1 AND dealer_id = $2 AND active`,
        [actor.id, actor.dealerId],
      );
      if (!member) throw AppError.forbidden('Your account is no longer a member of this dealer');
      const customer = await em.findOneByOrFail(User, { id: c.user_id });

      const pair = await this.auth.openSession(em, customer, {
        actingUserId: actor.id,
        reason: body.reason,
        ttlMs: minutes * 60_000,
        ip,
        userAgent,
      });
      const [s] = await rows<{ id: string; expires_at: Date }>(
        em,
        `SELECT s.id, s.expires_at FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
          WHERE t.token_hash = $1`,
        [createHash('sha256').update(pair.refreshToken).digest('hex')],
      );
      const params = {
        customerName: customer.name,
        dealerCompanyName: c.company_name,
        memberName: member.name,
        reason: body.reason,
        startedAt: this.clock.now().toISOString(),
        expiresAt: s.expires_at.toISOString(),
        minutes,
      };
      await this.mail.enqueue(em, {
        to: customer.email,
        template: 'proxy-session-opened',
        language: customer.language,
        timeZone: customer.timeZone,
        data: params,
      });
      const text = PORTAL_TEXT[customer.language];
      await this.messages.post(em, {
        customerId: c.id,
        kind: 'proxy_session_opened',
        title: text.title,
        body: text.body({
          ...params,
          until: formatDate(s.expires_at, customer.language, customer.timeZone),
        }),
        data: { ...params, sessionId: s.id },
      });
      await this.audit.record(
        em,
        actor,
        {
          action: 'proxy_session.opened',
          targetType: 'auth_session',
          targetId: s.id,
          dealerId: c.dealer_id,
          customerId: c.id,
          reason: body.reason,
          after: { minutes, expiresAt: params.expiresAt },
        },
        ip,
      );
      const proxy = (await proxyInfo(em, s.id))!;
      return {
        accessToken: pair.accessToken,
        refreshToken: pair.refreshToken,
        sessionId: s.id,
        expiresAt: params.expiresAt,
        customerId: c.id,
        user: { ...toSessionUser(customer), proxy },
        proxy,
      };
    });
  }

  /** Ends the current proxy session (the token stops working at once). */
  async close(actor: AuthUser, ip: string | null): Promise<void> {
    if (!actor.actingUserId) {
      throw AppError.forbidden('This is not a proxy session', ErrorCode.NOT_A_PROXY_SESSION);
    }
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const [s] = await rows<{ id: string; reason: string | null }>(
        em,
        `UPDATE auth_session SET revoked_at = $2, revoke_reason = 'proxy_closed'
          WHERE id = $1 AND acting_user_id IS NOT NULL AND revoked_at IS NULL RETURNING id, reason`,
        [actor.sessionId, now],
      );
      if (!s) return;
      await this.audit.record(
        em,
        actor,
        { action: 'proxy_session.closed', targetType: 'auth_session', targetId: s.id, reason: s.reason },
        ip,
      );
    });
  }
}
