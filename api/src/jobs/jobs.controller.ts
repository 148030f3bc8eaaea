import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorCode, isJobName, JOB_NAMES } from '@lc/shared';
import { Allow } from '../common/auth/decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { JobsService } from './jobs.service.js';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Allow('operator')
  @Get('runs')
  @ApiQuery({ name: 'name', required: false, enum: JOB_NAMES })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  runs(@Query('name') name?: string, @Query('limit') limit?: string) {
    if (name !== undefined && !isJobName(name)) {
      throw new AppError(400, ErrorCode.UNKNOWN_JOB, `name: unknown job (one of ${JOB_NAMES.join(', ')})`);
    }
    const n = limit === undefined ? undefined : Number(limit);
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 500)) {
      throw AppError.validation('limit', 'must be a whole number from 1 to 500');
    }
    return this.jobs.list({ name: name as never, limit: n });
  }
}
