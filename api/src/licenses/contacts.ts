import type { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, type Language } from '@lc/shared';
import { rows } from '../common/database/database.js';
import type { MailLanguage } from '../common/mail/templates.js';

export interface CustomerContact {
  email: string | null;
  name: string | null;
  language: MailLanguage;
  /** The contract holder's zone: every calendar rule of its licenses runs in it. */
  timeZone: string;
}

/** The contract holder (app_user with role 'customer') of a customer; defaults when none. */
export async function customerContact(em: EntityManager, customerId: string): Promise<CustomerContact> {
  const [u] = await rows<{ email: string; name: string; language: Language; time_zone: string }>(
    em,
    `SELECT email, name, language, time_zone FROM app_user
      WHERE customer_id = $1 AND role = 'customer' ORDER BY created_at LIMIT 1`,
    [customerId],
  );
  return u
    ? { email: u.email, name: u.name, language: u.language, timeZone: u.time_zone || DEFAULT_TIME_ZONE }
    : { email: null, name: null, language: 'ja', timeZone: DEFAULT_TIME_ZONE };
}

export interface DealerContact {
  id: string;
  loginId: string;
  companyName: string;
  tier: 'primary' | 'secondary';
  parentDealerId: string | null;
  email: string;
  /** The language of the member whose login is the notification e-mail, else the owner's. */
  language: MailLanguage;
}

/** A dealer's notification e-mail and the language to write to it in. */
export async function dealerContact(em: EntityManager, dealerId: string): Promise<DealerContact | null> {
  const [d] = await rows<{
    id: string;
    login_id: string;
    company_name: string;
    tier: 'primary' | 'secondary';
    parent_dealer_id: string | null;
    notification_email: string;
    language: Language | null;
  }>(
    em,
    `SELECT d.id, d.login_id, d.company_name, d.tier, d.parent_dealer_id, d.notification_email,
            (SELECT u.language FROM app_user u
              WHERE u.dealer_id = d.id
              ORDER BY (lower(u.email) = lower(d.notification_email)) DESC, (u.member_role = 'owner') DESC,
                       u.created_at
              LIMIT 1) AS language
       FROM dealer d WHERE d.id = $1`,
    [dealerId],
  );
  if (!d) return null;
  return {
    id: d.id,
    loginId: d.login_id,
    companyName: d.company_name,
    tier: d.tier,
    parentDealerId: d.parent_dealer_id,
    email: d.notification_email,
    language: d.language ?? 'ja',
  };
}
