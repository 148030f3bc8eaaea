import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@lc/shared';
import { Public } from '../common/auth/decorators.js';
import { AppError } from '../common/errors/app-error.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  /** 200 once the database is reachable and migrated (the app migrates before it listens). */
  @Public()
  @Get()
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.ds.query('SELECT 1 FROM typeorm_migrations LIMIT 1');
    } catch {
      throw new AppError(503, ErrorCode.INTERNAL, 'database: not reachable or not migrated');
    }
    return { status: 'ok' };
  }
}
