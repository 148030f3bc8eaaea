import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { csvDisposition, toCsv } from '../common/http/csv.js';
import { CSV_HEADER, CustomersService } from './customers.service.js';
import {
  CreateCustomerDto,
  CreatedCustomerDto,
  CustomerDto,
  CustomerPageDto,
  HandoverDto,
  HandoverResultDto,
  ListCustomersQueryDto,
  UpdateCustomerDto,
} from './dto/customer.dto.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly clock: Clock,
  ) {}

  @Allow('dealer')
  @Post()
  @ApiCreatedResponse({ type: CreatedCustomerDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCustomerDto, @ClientIp() ip: string | null) {
    return this.customers.create(user, body, ip);
  }

  /** This dealer's customers: partial case-insensitive search on name and e-mail, paged and sorted. */
  @Allow('dealer')
  @Get()
  @ApiOkResponse({ type: CustomerPageDto })
  list(@CurrentUser() user: AuthUser, @Query() q: ListCustomersQueryDto) {
    return this.customers.list(user, q);
  }

  /** The same filter and order as the list, as CSV (UTF-8 with BOM). */
  @Allow('dealer')
  @Get('export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() q: ListCustomersQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = toCsv(CSV_HEADER, await this.customers.exportRows(user, q));
    res.setHeader('Content-Disposition', csvDisposition('customers', this.clock.now()));
    return body;
  }

  /** The signed-in customer answers "reset the password now?" (not inside a proxy session). */
  @Allow('customer')
  @Post('me/handover')
  @HttpCode(200)
  @ApiOkResponse({ type: HandoverResultDto })
  handover(@CurrentUser() user: AuthUser, @Body() body: HandoverDto, @ClientIp() ip: string | null) {
    return this.customers.handover(user, body.reset, ip);
  }

  @Allow('dealer')
  @Get(':id')
  @ApiOkResponse({ type: CustomerDto })
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Customer')) id: string) {
    return this.customers.get(user, id);
  }

  /** `{email?, name?}`: the e-mail can be corrected until the first license is assigned, then 409. */
  @Allow('dealer')
  @Patch(':id')
  @ApiOkResponse({ type: CustomerDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Customer')) id: string,
    @Body() body: UpdateCustomerDto,
    @ClientIp() ip: string | null,
  ) {
    return this.customers.update(user, id, body, ip);
  }
}
