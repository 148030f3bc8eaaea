import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators.js';
import { databaseUnavailable } from '../common/database/outage.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  /** 200 once the database is reachable and migrated (the app migrates before it listens); else 503 + Retry-After. */
  @Public()
  @Get()
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.ds.query('SELECT 1 FROM typeorm_migrations LIMIT 1');
    } catch {
      throw databaseUnavailable();
    }
    return { status: 'ok' };
  }
}
