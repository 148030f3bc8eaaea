import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ORDER_STATUSES } from '@lc/shared';
import { Allow } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { DealerDto } from '../dealers/dto/dealer-views.dto.js';
import { OperatorService } from './operator.service.js';

class SkuQuantityDto {
  @ApiProperty() skuCode: string;
  @ApiProperty() quantity: number;
}
class DealerCountsDto {
  @ApiProperty() primary: number;
  @ApiProperty() secondary: number;
  @ApiProperty({ description: 'Dealers the operator has suspended' }) suspended: number;
}
class SalesDto {
  @ApiProperty() invoices: number;
  @ApiProperty({ description: 'yen' }) total: number;
}
class UnpaidDto {
  @ApiProperty() count: number;
  @ApiProperty({ description: 'yen' }) amountDue: number;
  @ApiProperty() overdue: number;
}
export class OperatorOverviewDto {
  @ApiProperty() dealers: DealerCountsDto;
  @ApiProperty({ type: [SkuQuantityDto] }) stock: SkuQuantityDto[];
  @ApiProperty({ description: 'Invoices the operator issued this month (Asia/Tokyo)' })
  salesThisMonth: SalesDto;
  @ApiProperty() unpaidInvoices: UnpaidDto;
  @ApiProperty({ description: 'Job runs failed in the last 7 days' }) failedJobRuns: number;
}
class DealerRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() loginId: string;
  @ApiProperty() companyName: string;
}
class CustomerBriefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() licenseCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
class CustomersBriefDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CustomerBriefDto] }) recent: CustomerBriefDto[];
}
class OrderBriefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status: string;
  @ApiProperty() total: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
class ParentRefDto extends DealerRefDto {
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The parent is suspended since',
  })
  suspendedAt: string | null;
}
export class DealerOverviewDto {
  @ApiProperty() dealer: DealerDto;
  @ApiProperty({ type: ParentRefDto, nullable: true }) parent: ParentRefDto | null;
  @ApiProperty({ type: [SkuQuantityDto] }) stock: SkuQuantityDto[];
  @ApiProperty() customers: CustomersBriefDto;
  @ApiProperty({ type: [DealerRefDto] }) secondaryDealers: DealerRefDto[];
  @ApiProperty({ type: [OrderBriefDto], description: 'The last 10 orders it placed' })
  orders: OrderBriefDto[];
}

/** The operator's home figures and one dealer at a glance (issue 14). */
@ApiTags('operator')
@ApiBearerAuth()
@Controller('operator')
export class OperatorController {
  constructor(private readonly operator: OperatorService) {}

  @Allow('operator')
  @Get('overview')
  @ApiOkResponse({ type: OperatorOverviewDto })
  overview() {
    return this.operator.overview();
  }

  @Allow('operator')
  @Get('dealers/:id')
  @ApiOkResponse({ type: DealerOverviewDto })
  dealer(@Param('id', new ParseIdPipe('Dealer')) id: string) {
    return this.operator.dealer(id);
  }
}
