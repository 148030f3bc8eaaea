import { Injectable } from '@nestjs/common';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SigningKeyView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { keyIdOf } from './entitlements-signature.js';

interface KeyRow {
  key_id: string;
  public_key_pem: string;
  private_key_pem: string;
  created_at: Date;
  retired_at: Date | null;
}

export interface ActiveKey {
  keyId: string;
  privateKey: KeyObject;
}

const KEY_LOCK = 727_300;

/**
 * The service's Ed25519 entitlement-signing key: created on first use and kept in
 * `signing_key` (an advisory lock keeps two processes from creating two). Retired keys stay
 * published so devices can still check documents signed with them.
 */
@Injectable()
export class SigningKeysService {
  private active: Promise<ActiveKey> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  current(): Promise<ActiveKey> {
    this.active ??= this.loadOrCreate().catch((e: unknown) => {
      this.active = null;
      throw e;
    });
    return this.active;
  }

  private async loadOrCreate(): Promise<ActiveKey> {
    const row = await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [KEY_LOCK]);
      const [k] = await rows<KeyRow>(
        em,
        `SELECT * FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      );
      if (k) return k;
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const [created] = await rows<KeyRow>(
        em,
        `INSERT INTO signing_key (key_id, public_key_pem, private_key_pem, created_at)
         VALUES ($1, $2, $3, $4) RETURNING *`,
        [keyIdOf(publicKeyPem), publicKeyPem, privateKeyPem, this.clock.now()],
      );
      return created;
    });
    return { keyId: row.key_id, privateKey: createPrivateKey(row.private_key_pem) };
  }

  /** Every key, current first, retired ones included. */
  async list(): Promise<SigningKeyView[]> {
    await this.current();
    const r = await rows<KeyRow>(
      this.ds.manager,
      `SELECT key_id, public_key_pem, created_at, retired_at FROM signing_key
        ORDER BY retired_at IS NOT NULL, created_at DESC`,
    );
    return r.map((k) => ({
      keyId: k.key_id,
      publicKeyPem: k.public_key_pem,
      createdAt: k.created_at.toISOString(),
      retiredAt: k.retired_at ? k.retired_at.toISOString() : null,
    }));
  }
}
