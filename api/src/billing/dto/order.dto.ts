import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LICENSE_KINDS, ORDER_STATUSES, QUANTITY_LIMITS, type OrderStatus } from '@lc/shared';
import { PageQueryDto } from '../../common/http/page-query.dto.js';

export const ORDER_LINES_MAX = 50;
/** Highest single payment, in yen. */
export const PAYMENT_MAX = 1_000_000_000_000;

export class OrderLineDto {
  @ApiProperty({ example: 'EDGE-12M' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  skuCode: string;

  @ApiProperty({ minimum: QUANTITY_LIMITS.min, maximum: QUANTITY_LIMITS.max, example: 10 })
  @IsInt()
  @Min(QUANTITY_LIMITS.min)
  @Max(QUANTITY_LIMITS.max)
  quantity: number;
}

export class CreateOrderDto {
  @ApiProperty({ type: OrderLineDto, isArray: true, description: `1–${ORDER_LINES_MAX} lines, one per SKU` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LINES_MAX)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines: OrderLineDto[];
}

export class InvoiceOrderDto {
  @ApiPropertyOptional({
    description: 'Due date-time; default: the end of the month after the issue date (Asia/Tokyo)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export class PayOrderDto {
  @ApiPropertyOptional({
    description: 'Integer yen; omitted: the whole amount due. Partial payments add up.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PAYMENT_MAX)
  amount?: number;
}

export class OrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({
    enum: ['buyer', 'supplier'],
    description: "buyer: the caller's own orders; supplier: orders placed with the caller",
  })
  @IsOptional()
  @IsIn(['buyer', 'supplier'])
  role?: 'buyer' | 'supplier';
}

class NameView {
  @ApiProperty() ja: string;
  @ApiProperty() en: string;
}

export class OrderLineViewDto {
  @ApiProperty() skuCode: string;
  @ApiProperty({ type: NameView }) name: NameView;
  @ApiProperty({ enum: LICENSE_KINDS }) kind: string;
  @ApiProperty() termMonths: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Integer yen, by the buyer tier' }) unitPrice: number;
  @ApiProperty() amount: number;
}

export class DealerRefDto {
  @ApiProperty() id: string;
  @ApiProperty() loginId: string;
  @ApiProperty() companyName: string;
}

export class BuyerRefDto extends DealerRefDto {
  @ApiProperty({ enum: ['primary', 'secondary'] }) tier: string;
}

export class OrderViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Sequential order number' }) number: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status: string;
  @ApiProperty({ type: BuyerRefDto }) buyer: BuyerRefDto;
  @ApiProperty({ type: DealerRefDto, nullable: true, description: 'null: the operator' })
  supplier: DealerRefDto | null;
  @ApiProperty({ type: OrderLineViewDto, isArray: true }) lines: OrderLineViewDto[];
  @ApiProperty() subtotal: number;
  @ApiProperty({ description: 'Consumption tax, 10 %, rounded down once' }) tax: number;
  @ApiProperty() total: number;
  @ApiProperty() amountPaid: number;
  @ApiProperty() amountDue: number;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) invoicedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) fulfilledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
}

export class OrderPageDto {
  @ApiProperty({ type: OrderViewDto, isArray: true }) items: OrderViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
