import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { csvDisposition } from '../common/http/csv.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import {
  InvoicePageDto,
  InvoiceQueryDto,
  InvoiceRegistrationDto,
  InvoiceViewDto,
  PrintQueryDto,
} from './dto/invoice.dto.js';
import { InvoicesService } from './invoices.service.js';

const InvoiceId = new ParseIdPipe('Invoice');

@ApiTags('billing')
@ApiBearerAuth()
@Controller()
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
  ) {}

  @Allow('dealer', 'operator')
  @Get('invoices')
  @ApiOkResponse({
    type: InvoicePageDto,
    description: 'Invoices the caller issued or received (operator: all)',
  })
  list(@CurrentUser() user: AuthUser, @Query() q: InvoiceQueryDto) {
    return this.invoices.list(user, q);
  }

  @Allow('dealer', 'operator')
  @Get('invoices/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One row per invoice, filtered like the list (UTF-8 with BOM)' })
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @Query() q: InvoiceQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.invoices.exportCsv(user, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', csvDisposition('invoices', this.clock.now()));
    return csv;
  }

  @Allow('dealer', 'operator')
  @Get('invoices/lines.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One row per invoice line, filtered like the list (UTF-8 with BOM)' })
  async linesCsv(
    @CurrentUser() user: AuthUser,
    @Query() q: InvoiceQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.invoices.linesCsv(user, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', csvDisposition('invoice-lines', this.clock.now()));
    return csv;
  }

  @Allow('dealer', 'operator')
  @Get('invoices/:id')
  @ApiOkResponse({ type: InvoiceViewDto })
  get(@CurrentUser() user: AuthUser, @Param('id', InvoiceId) id: string) {
    return this.invoices.get(user, id);
  }

  @Allow('dealer', 'operator')
  @Get('invoices/:id/print')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A printable HTML invoice (?lang=ja|en)' })
  async print(
    @CurrentUser() user: AuthUser,
    @Param('id', InvoiceId) id: string,
    @Query() q: PrintQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const html = await this.invoices.print(user, id, q.lang ?? 'ja');
    // Set only on success, so errors keep their JSON content type.
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    return html;
  }

  @Allow('dealer')
  @Get('dealers/me/invoice-registration')
  @ApiOkResponse({ type: InvoiceRegistrationDto })
  getRegistration(@CurrentUser() user: AuthUser) {
    return this.invoices.registrationNumber(user);
  }

  @Allow('dealer')
  @Put('dealers/me/invoice-registration')
  @ApiOkResponse({ type: InvoiceRegistrationDto, description: 'Owner or manager' })
  setRegistration(@CurrentUser() user: AuthUser, @Body() body: InvoiceRegistrationDto) {
    if (user.memberRole === 'staff') throw AppError.forbidden('Only an owner or manager may change this');
    return this.invoices.setRegistrationNumber(user, body.registrationNumber);
  }
}
