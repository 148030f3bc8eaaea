import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LICENSE_KINDS, QUANTITY_LIMITS } from '@lc/shared';
import { PageQueryDto } from '../../common/http/page-query.dto.js';

export class AssignLicensesDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  customerId: string;

  @ApiProperty({ example: 'EDGE-12M' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  skuCode: string;

  @ApiProperty({ minimum: QUANTITY_LIMITS.min, maximum: QUANTITY_LIMITS.max, example: 1 })
  @IsInt()
  @Min(QUANTITY_LIMITS.min)
  @Max(QUANTITY_LIMITS.max)
  quantity: number;
}

/** ISO-8601 date (`2027-01-31`) or instant (`2027-01-31T00:00:00Z`). */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class AssignmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  customerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  skuCode?: string;

  @ApiPropertyOptional({
    description: 'Assigned at or after: an instant, or a date (its start in Asia/Tokyo)',
    example: '2027-01-01',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'from must be an ISO-8601 date or instant' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Assigned before: an instant (exclusive), or a date (that whole day in Asia/Tokyo included)',
    example: '2027-01-31',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'to must be an ISO-8601 date or instant' })
  to?: string;
}

class TermView {
  @ApiProperty() assignedAt: string;
  @ApiProperty({ description: 'Last instant of the free period (end of the month after assignment)' })
  freeUntil: string;
  @ApiProperty({ description: 'First instant of the paid term' }) termStartsAt: string;
  @ApiProperty({ description: 'Last instant of the license' }) endsAt: string;
}

class ComparedWithView {
  @ApiProperty() licenseId: string;
  @ApiProperty() endsAt: string;
}

export class AssignmentPreviewDto extends TermView {
  @ApiProperty({
    description:
      "Calendar days (customer's zone) of the new paid term still covered by the customer's " +
      'earliest-ending valid license of the same kind; 0 when none',
  })
  overlapDays: number;
  @ApiProperty({ type: ComparedWithView, nullable: true }) comparedWith: ComparedWithView | null;
  @ApiProperty({ description: "The customer's time zone the dates were computed in" }) timeZone: string;
  @ApiProperty({ description: 'Licenses of this SKU in the dealer’s stock now' }) inStock: number;
}

export class AssignedLicenseDto extends TermView {
  @ApiProperty() id: string;
}

export class AssignmentResultDto extends TermView {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() skuCode: string;
  @ApiProperty() quantity: number;
  @ApiProperty() overlapDays: number;
  @ApiProperty({ type: AssignedLicenseDto, isArray: true }) licenses: AssignedLicenseDto[];
}

class NameView {
  @ApiProperty() ja: string;
  @ApiProperty() en: string;
}

class ActorView {
  @ApiProperty({ nullable: true, type: String }) id: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class AssignmentHistoryItemDto extends TermView {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ nullable: true, type: String }) customerEmail: string | null;
  @ApiProperty() skuCode: string;
  @ApiProperty({ type: NameView }) skuName: NameView;
  @ApiProperty({ enum: LICENSE_KINDS }) kind: string;
  @ApiProperty() termMonths: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ type: ActorView }) assignedBy: ActorView;
}

export class AssignmentHistoryPageDto {
  @ApiProperty({ type: AssignmentHistoryItemDto, isArray: true }) items: AssignmentHistoryItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CustomerLicenseDto {
  @ApiProperty() id: string;
  @ApiProperty() skuCode: string;
  @ApiProperty({ enum: LICENSE_KINDS }) kind: string;
  @ApiProperty({
    enum: ['assigned', 'bound', 'expired', 'void'],
    description: 'Effective state: assigned/bound past endsAt reads expired',
  })
  state: string;
  @ApiProperty({ nullable: true, type: String }) cameraId: string | null;
  @ApiProperty() assignedAt: string;
  @ApiProperty() freeUntil: string;
  @ApiProperty() termStartsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() termMonths: number;
  @ApiProperty({ description: 'Days until endsAt, rounded up; 0 once ended' }) daysLeft: number;
}

export class StockItemDto {
  @ApiProperty() skuCode: string;
  @ApiProperty({ type: NameView }) name: NameView;
  @ApiProperty({ enum: LICENSE_KINDS }) kind: string;
  @ApiProperty() termMonths: number;
  @ApiProperty() quantity: number;
}
