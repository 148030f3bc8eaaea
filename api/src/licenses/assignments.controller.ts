import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { csvDisposition } from '../common/http/csv.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { idempotencyKey } from '../common/idempotency/idempotency.js';
import { AssignmentsService } from './assignments.service.js';
import {
  AssignLicensesDto,
  AssignmentHistoryPageDto,
  AssignmentPreviewDto,
  AssignmentQueryDto,
  AssignmentResultDto,
  CustomerLicenseDto,
  StockItemDto,
} from './dto/assignment.dto.js';
import { StockService } from './stock.service.js';

@ApiTags('licenses')
@ApiBearerAuth()
@Controller()
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly stock: StockService,
    private readonly clock: Clock,
  ) {}

  @Allow('dealer')
  @Get('stock')
  @ApiOkResponse({
    type: StockItemDto,
    isArray: true,
    description: 'Every active SKU (quantity 0 included) and inactive SKUs still held',
  })
  getStock(@CurrentUser() user: AuthUser) {
    return this.stock.list(user.dealerId!);
  }

  @Allow('dealer')
  @Post('assignments/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentPreviewDto })
  preview(@CurrentUser() user: AuthUser, @Body() body: AssignLicensesDto) {
    return this.assignments.preview(user, body);
  }

  @Allow('dealer')
  @Post('assignments')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body → same assignment' })
  @ApiCreatedResponse({ type: AssignmentResultDto, description: '200 when an Idempotency-Key replays' })
  @ApiConflictResponse({ description: 'STOCK_SHORT: not enough licenses of the SKU in stock' })
  async assign(
    @CurrentUser() user: AuthUser,
    @Body() body: AssignLicensesDto,
    @Headers('idempotency-key') rawKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, result } = await this.assignments.assign(user, body, idempotencyKey(rawKey));
    if (!created) res.status(200);
    return result;
  }

  @Allow('dealer')
  @Get('assignments')
  @ApiOkResponse({ type: AssignmentHistoryPageDto })
  history(@CurrentUser() user: AuthUser, @Query() q: AssignmentQueryDto) {
    return this.assignments.history(user, q);
  }

  @Allow('dealer')
  @Get('assignments/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The filtered assignment history as CSV (UTF-8 with BOM)' })
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @Query() q: AssignmentQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.assignments.exportCsv(user, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', csvDisposition('assignments', this.clock.now()));
    return csv;
  }

  @Allow('dealer', 'customer', 'operator')
  @Get('customers/:id/licenses')
  @ApiOkResponse({ type: CustomerLicenseDto, isArray: true })
  customerLicenses(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Customer')) id: string) {
    return this.assignments.customerLicenses(user, id);
  }
}
