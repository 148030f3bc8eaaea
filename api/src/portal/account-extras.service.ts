import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, type HelpInfo, type TermsStatus } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { AppConfig } from '../common/config/config.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { refuseInProxy } from '../accounts/actor.js';
import { SERVICE_VERSION } from './service-version.js';

/** Roles that accept the terms of use at first sign-in (seed 002, 004). */
const TERMS_ROLES = new Set(['customer', 'dealer']);

/**
 * Help (service version, manuals — seed 001 §5.8.1), the contract-holder name (§6.1) and the
 * versioned terms of use. The API records acceptance and never refuses other calls because of
 * it (devices and integrations sign in without a person); the console asks.
 */
@Injectable()
export class AccountExtrasService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  help(): HelpInfo {
    const base = this.config.manualsUrl.replace(/\/+$/, '');
    return {
      serviceVersion: SERVICE_VERSION,
      manuals: [
        { key: 'portal', url: `${base}/portal` },
        { key: 'dealer', url: `${base}/dealer` },
        { key: 'devices', url: `${base}/devices` },
        { key: 'releaseNotes', url: `${base}/release-notes/${SERVICE_VERSION}` },
      ],
    };
  }

  /** The contract holder changes its name (customer and login user), audited before/after. */
  async renameContractHolder(user: AuthUser, name: string): Promise<{ name: string }> {
    return this.ds.transaction(async (em) => {
      const [before] = await rows<{ name: string }>(
        em,
        `SELECT name FROM app_user WHERE id = $1 AND role = 'customer' FOR UPDATE`,
        [user.id],
      );
      if (!before) throw AppError.notFound('Contract holder');
      const now = this.clock.now();
      await em.query(`UPDATE app_user SET name = $2, updated_at = $3 WHERE id = $1`, [user.id, name, now]);
      await em.query(`UPDATE customer SET name = $2, updated_at = $3 WHERE id = $1`, [
        user.customerId,
        name,
        now,
      ]);
      await this.audit.record(em, user, {
        action: 'customers.contract_holder_renamed',
        targetType: 'customer',
        targetId: user.customerId!,
        customerId: user.customerId,
        before: { name: before.name },
        after: { name },
      });
      return { name };
    });
  }

  async terms(user: AuthUser): Promise<TermsStatus> {
    const version = this.config.termsVersion;
    if (version === null) return { version: null, required: false, acceptedAt: null };
    const required = TERMS_ROLES.has(user.role) && !user.actingUserId;
    const [r] = await rows<{ accepted_at: Date }>(
      this.ds.manager,
      `SELECT accepted_at FROM terms_acceptance WHERE user_id = $1 AND version = $2`,
      [user.id, version],
    );
    return { version, required: required && !r, acceptedAt: r ? r.accepted_at.toISOString() : null };
  }

  /** Records acceptance of the current version (once; accepting again keeps the first time). */
  async acceptTerms(user: AuthUser, version: string): Promise<TermsStatus> {
    refuseInProxy(user, 'Accepting the terms of use');
    if (this.config.termsVersion === null || version !== this.config.termsVersion) {
      throw AppError.conflict(
        ErrorCode.TERMS_VERSION_OUTDATED,
        `version: the current terms of use are version ${this.config.termsVersion}; reload and read them`,
        { field: 'version', current: this.config.termsVersion },
      );
    }
    await this.ds.transaction(async (em) => {
      const r = await rows<{ user_id: string }>(
        em,
        `INSERT INTO terms_acceptance (user_id, version, accepted_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, version) DO NOTHING RETURNING user_id`,
        [user.id, version, this.clock.now()],
      );
      if (r.length) {
        await this.audit.record(em, user, {
          action: 'terms.accepted',
          targetType: 'user',
          targetId: user.id,
          after: { version },
        });
      }
    });
    return this.terms(user);
  }
}
