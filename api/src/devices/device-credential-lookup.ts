import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeviceCredentialVerifier, type AuthDevice } from '../common/auth/device-verifier.js';
import { rows } from '../common/database/database.js';
import { credentialHash } from './credentials.js';

/** The devices feature's answer to the global guard: a live device by its credential's hash. */
@Injectable()
export class DeviceCredentialLookup extends DeviceCredentialVerifier {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async verify(credential: string): Promise<AuthDevice | null> {
    const [d] = await rows<{ id: string; customer_id: string; entitlements_version: string }>(
      this.ds.manager,
      `SELECT id, customer_id, entitlements_version FROM device WHERE credential_hash = $1 AND deleted_at IS NULL`,
      [credentialHash(credential)],
    );
    if (!d) return null;
    return { deviceId: d.id, customerId: d.customer_id, entitlementsVersion: Number(d.entitlements_version) };
  }
}
