import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { OrderBodyDto, RenewalPipelineDto, RenewalQueryDto, ShortfallOrderDto } from './dto/renewal.dto.js';
import { RenewalsService } from './renewals.service.js';

@ApiTags('licenses')
@ApiBearerAuth()
@Controller()
export class RenewalsController {
  constructor(private readonly renewals: RenewalsService) {}

  @Allow('dealer')
  @Get('renewals')
  @ApiOkResponse({ type: RenewalPipelineDto })
  pipeline(@CurrentUser() user: AuthUser, @Query() q: RenewalQueryDto) {
    return this.renewals.pipeline(user.dealerId!, q.withinDays);
  }

  @Allow('dealer')
  @Post('renewals/order-shortfall')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderBodyDto,
    description: 'A prefilled body for POST /api/orders (not placed): the shortfall net of stock',
  })
  shortfall(@CurrentUser() user: AuthUser, @Body() body: ShortfallOrderDto) {
    return this.renewals.shortfallOrder(user.dealerId!, body.withinDays);
  }
}
