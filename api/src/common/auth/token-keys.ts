import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';

/** The JWT signing secret: JWT_SECRET, or one generated once and kept in the database (shared by replicas). */
@Injectable()
export class TokenKeys {
  private cached: Promise<string> | null = null;

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
