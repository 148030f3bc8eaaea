import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { daysLeft, ErrorCode, type DeactivationImpact } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import {
  CREDENTIAL_COLUMNS,
  CredentialCheck,
  toCredentialUser,
  type CredentialUser,
} from '../auth/credential-check.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { AccountTokens } from '../accounts/account-tokens.service.js';
import { refuseInProxy } from '../accounts/actor.js';
import { deactivateUsersOfCustomer, markCustomerDeactivated } from '../accounts/customer-deactivation.js';
import { revokeSessionsOfUsers } from '../auth/sessions.js';
import {
  cancelOpenCommandsOfDevices,
  deleteDevicesAndCameras,
  lockLiveDevicesOfCustomer,
} from '../devices/device-removal.js';
import { closeIncidentsOfCustomer } from '../maintenance/incidents.service.js';
import { removeLinksOfCustomer } from '../maintenance/links.service.js';
import { BindingService } from '../licenses/binding.service.js';
import { bumpEntitlementsVersion } from '../licenses/entitlements-version.js';
import { validAt } from '../licenses/validity.js';
import { removeSharedUsersOfCustomer, removeSharingOfDevices } from '../customers/shared-access.js';
import type { DeactivateAccountDto } from './dto/deactivation.dto.js';

interface HolderRow {
  id: string;
  email: string;
  name: string;
  language: 'ja' | 'en';
  time_zone: string;
  password_hash: string | null;
  locked_until: Date | null;
  customer_id: string;
  customer_name: string;
  dealer_id: string;
  deactivated_at: Date | null;
}

/**
 * Customer deactivation (SPEC §2 "Customer deactivation", §8; seed 001 退会): with the contract
 * holder's password, in one transaction, every device and camera is deleted, every assigned or
 * bound license becomes void (no refund), the customer's users are deactivated and signed out.
 */
@Injectable()
export class DeactivationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly credentials: CredentialCheck,
    private readonly binding: BindingService,
    private readonly tokens: AccountTokens,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async impact(user: AuthUser): Promise<DeactivationImpact> {
    refuseInProxy(user, 'Deactivating the account');
    return this.impactIn(this.ds.manager, user.customerId!, this.clock.now());
  }

  private async impactIn(em: EntityManager, customerId: string, now: Date): Promise<DeactivationImpact> {
    const [d] = await rows<{ devices: number; cameras: number; shared: number }>(
      em,
      `SELECT (SELECT count(*)::int FROM device WHERE customer_id = $1 AND deleted_at IS NULL) AS devices,
              (SELECT count(*)::int FROM camera c JOIN device d ON d.id = c.device_id
                WHERE d.customer_id = $1 AND d.deleted_at IS NULL AND c.deleted_at IS NULL) AS cameras,
              (SELECT count(*)::int FROM app_user
                WHERE customer_id = $1 AND role = 'shared_user' AND active) AS shared`,
      [customerId],
    );
    const ls = await rows<{ ends_at: Date | null }>(
      em,
      `SELECT ends_at FROM license
        WHERE customer_id = $1 AND state IN ('assigned', 'bound') AND (ends_at IS NULL OR ${validAt('ends_at', '$2')})`,
      [customerId, now],
    );
    return {
      devices: d.devices,
      cameras: d.cameras,
      licenses: ls.length,
      daysForfeited: ls.reduce((n, l) => n + (l.ends_at ? daysLeft(l.ends_at, now) : 0), 0),
      sharedUsers: d.shared,
    };
  }

  async deactivate(user: AuthUser, dto: DeactivateAccountDto): Promise<void> {
    refuseInProxy(user, 'Deactivating the account');
    const customerId = user.customerId!;
    const reasons = [...new Set(dto.reasons ?? [])];
    const comment = dto.comment?.trim() || null;
    // The one credential gate: a wrong password counts towards the sign-in lockout (the failure
    // commits alone, nothing else changes); success runs the whole deactivation in its transaction.
    await this.credentials.run<CredentialUser & { row: HolderRow }, void>(
      {
        find: async (em) => {
          const [r] = await rows<HolderRow & Record<string, unknown>>(
            em,
            `SELECT ${CREDENTIAL_COLUMNS},
                    c.id AS customer_id, c.name AS customer_name, c.dealer_id, c.deactivated_at
               FROM app_user u JOIN customer c ON c.id = u.customer_id
              WHERE u.id = $1 AND u.customer_id = $2 AND u.role = 'customer' AND u.active
              FOR UPDATE OF u, c`,
            [user.id, customerId],
          );
          if (!r) throw AppError.unauthorized(ErrorCode.UNAUTHENTICATED, 'the account is no longer active');
          if (r.deactivated_at) {
            throw AppError.conflict(ErrorCode.CUSTOMER_DEACTIVATED, 'the account is already deactivated');
          }
          return { ...toCredentialUser(r), row: r };
        },
        unknownKey: user.id,
        password: dto.password,
        field: 'password',
        invalid: () =>
          AppError.badRequest(ErrorCode.INVALID_CREDENTIALS, 'password: is wrong', { field: 'password' }),
      },
      async (em, found) => {
        const h = found.row;
        const now = this.clock.now();
        await this.binding.lockCustomer(em, customerId);
        const impact = await this.impactIn(em, customerId, now);

        // Each table is written by its owner, all inside this one transaction.
        const deviceIds = await lockLiveDevicesOfCustomer(em, customerId);
        const voidedLicenseIds = await this.binding.voidAllOfCustomer(em, customerId, now);
        // Connected devices learn at once that nothing is licensed any more.
        await bumpEntitlementsVersion(em, deviceIds, now);
        await deleteDevicesAndCameras(em, deviceIds, now);
        const cancelled = await cancelOpenCommandsOfDevices(em, deviceIds);
        await removeLinksOfCustomer(em, customerId, h.id, now);
        await closeIncidentsOfCustomer(em, customerId, now);
        // Shared users are deleted (sessions end, their e-mail is free again), with sharing,
        // favorites and folders (issue 13).
        await removeSharingOfDevices(em, deviceIds);
        const sharedUserIds = await removeSharedUsersOfCustomer(em, customerId, now);
        await markCustomerDeactivated(em, customerId, now);
        const userIds = await deactivateUsersOfCustomer(em, customerId, now);
        // Every session of those users ends, also proxy sessions opened into this customer.
        await revokeSessionsOfUsers(em, userIds, now, 'customer_deactivated');
        await this.tokens.revokeAllOfUsers(em, userIds, now);
        await this.audit.record(em, user, {
          action: 'customer.deactivated',
          targetType: 'customer',
          targetId: customerId,
          customerId,
          dealerId: h.dealer_id,
          after: {
            reasons,
            comment,
            ...impact,
            deviceIds,
            voidedLicenseIds,
            cancelledCommands: cancelled.length,
            deactivatedUserIds: userIds,
            deletedSharedUserIds: sharedUserIds,
          },
        });
        const data = {
          name: h.name,
          customerName: h.customer_name,
          email: h.email,
          at: now.toISOString(),
          ...impact,
        };
        await this.mail.enqueue(em, {
          to: h.email,
          template: 'customer-deactivated',
          language: h.language,
          timeZone: h.time_zone,
          data,
          dedupeKey: `customer-deactivated:${customerId}`,
        });
        const [dealer] = await rows<{
          notification_email: string;
          company_name: string;
          language: 'ja' | 'en' | null;
          time_zone: string | null;
        }>(
          em,
          `SELECT d.notification_email, d.company_name, o.language, o.time_zone
           FROM dealer d
           LEFT JOIN LATERAL (SELECT language, time_zone FROM app_user
                               WHERE dealer_id = d.id AND member_role = 'owner' ORDER BY created_at LIMIT 1) o ON true
          WHERE d.id = $1`,
          [h.dealer_id],
        );
        if (dealer) {
          await this.mail.enqueue(em, {
            to: dealer.notification_email,
            template: 'customer-deactivated-dealer',
            language: dealer.language ?? 'ja',
            timeZone: dealer.time_zone ?? 'Asia/Tokyo',
            data: { ...data, companyName: dealer.company_name, reasons, comment },
            dedupeKey: `customer-deactivated-dealer:${customerId}`,
          });
        }
      },
    );
  }
}
