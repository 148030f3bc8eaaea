import { Injectable } from '@nestjs/common';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';

/** The JWT signing secret: JWT_SECRET, or one generated once and kept in the database (shared by replicas). */
@Injectable()
export class TokenKeys {
  private cached: Promise<string> | null = null;
  private key: Promise<KeyObject> | null = null;

  /** The secret as a KeyObject, so verifying a token does not derive a key from the string every time. */
  verifyKey(): Promise<KeyObject> {
    this.key ??= this.secret().then((s) => createSecretKey(Buffer.from(s, 'utf8')));
    return this.key;
  }

  constructor(
    private readonly config: AppConfig,
    private readonly ds: DataSource,
  ) {}

  secret(): Promise<string> {
    if (this.config.jwtSecret) return Promise.resolve(this.config.jwtSecret);
    this.cached ??= (async () => {
      await this.ds.query(
        `INSERT INTO app_secret (name, value) VALUES ('jwt_secret', $1) ON CONFLICT (name) DO NOTHING`,
        [randomBytes(48).toString('base64url')],
      );
      const [row] = (await this.ds.query(`SELECT value FROM app_secret WHERE name = 'jwt_secret'`)) as {
        value: string;
      }[];
      return row.value;
    })().catch((e: unknown) => {
      this.cached = null;
      throw e;
    });
    return this.cached;
  }
}
