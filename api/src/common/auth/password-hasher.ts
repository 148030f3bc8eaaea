import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AppConfig } from '../config/config.js';

/** argon2id with costs from config (lowered in tests). */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | null = null;
  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.argon2MemoryKib,
      timeCost: this.config.argon2TimeCost,
    });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      // Spend the same time for unknown accounts so timing does not reveal them.
      this.dummy ??= this.hash('dummy-Password1!');
      await argon2.verify(await this.dummy, password).catch(() => false);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
