import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt } from 'class-validator';
import { LICENSE_KINDS, RENEWAL_WINDOWS } from '@lc/shared';

export class RenewalQueryDto {
  @ApiProperty({ enum: RENEWAL_WINDOWS, description: 'Days ahead: 30, 60 or 90' })
  @Type(() => Number)
  @IsInt()
  @IsIn(RENEWAL_WINDOWS, { message: 'withinDays must be 30, 60 or 90' })
  withinDays: number;
}

export class ShortfallOrderDto {
  @ApiProperty({ enum: RENEWAL_WINDOWS })
  @IsInt()
  @IsIn(RENEWAL_WINDOWS, { message: 'withinDays must be 30, 60 or 90' })
  withinDays: number;
}

export class RenewalKindRowDto {
  @ApiProperty({ enum: LICENSE_KINDS }) kind: string;
  @ApiProperty({ description: 'Valid licenses ending within the window' }) ending: number;
  @ApiProperty({ description: 'Unbound licenses in the pool ending after the window' }) waiting: number;
  @ApiProperty({ description: 'ending − waiting, at least 0' }) shortfall: number;
}

export class RenewalLicenseDto {
  @ApiProperty() id: string;
  @ApiProperty() skuCode: string;
  @ApiProperty({ enum: LICENSE_KINDS }) kind: string;
  @ApiProperty({ enum: ['assigned', 'bound'] }) state: string;
  @ApiProperty({ nullable: true, type: String }) cameraId: string | null;
  @ApiProperty() endsAt: string;
  @ApiProperty() daysLeft: number;
}

export class RenewalCustomerDto {
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ nullable: true, type: String }) customerEmail: string | null;
  @ApiProperty({ type: RenewalKindRowDto, isArray: true }) kinds: RenewalKindRowDto[];
  @ApiProperty({ type: RenewalLicenseDto, isArray: true }) licenses: RenewalLicenseDto[];
}

export class RenewalPipelineDto {
  @ApiProperty() withinDays: number;
  @ApiProperty() until: string;
  @ApiProperty({ type: RenewalCustomerDto, isArray: true }) customers: RenewalCustomerDto[];
  @ApiProperty({ type: RenewalKindRowDto, isArray: true }) totals: RenewalKindRowDto[];
}

export class OrderLineBodyDto {
  @ApiProperty() skuCode: string;
  @ApiProperty() quantity: number;
}

export class OrderBodyDto {
  @ApiProperty({ type: OrderLineBodyDto, isArray: true }) lines: OrderLineBodyDto[];
}
