import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { csvDisposition, toCsv } from '../common/http/csv.js';
import { AUDIT_CSV_HEADER, AuditLogService } from './audit-log.service.js';
import { AuditPageDto, AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly log: AuditLogService,
    private readonly clock: Clock,
  ) {}

  /** Newest first. Dealer (owner, manager): its own entries only; operator: all, or `dealerId`. */
  @Allow('operator', 'dealer')
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto) {
    return this.log.list(user, q);
  }

  @Allow('operator', 'dealer')
  @Get('export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() q: AuditQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = toCsv(AUDIT_CSV_HEADER, await this.log.exportRows(user, q));
    res.setHeader('Content-Disposition', csvDisposition('audit', this.clock.now()));
    return body;
  }
}
