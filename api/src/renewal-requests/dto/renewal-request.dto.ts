import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DEVICE_TYPES, ErrorCode, RENEWAL_NOTE_MAX, RENEWAL_REQUEST_STATUSES } from '@lc/shared';
import { Trim, withCode } from '../../accounts/validators.js';

export class CreateRenewalRequestDto {
  @ApiProperty({ format: 'uuid', description: "One of the customer's cameras" })
  @IsUUID('all')
  cameraId: string;

  @ApiPropertyOptional({ maxLength: RENEWAL_NOTE_MAX, description: 'An optional note to the dealer' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(RENEWAL_NOTE_MAX, withCode(ErrorCode.RENEWAL_NOTE_TOO_LONG))
  note?: string;
}

export class RenewalRequestQueryDto {
  @ApiPropertyOptional({ enum: RENEWAL_REQUEST_STATUSES, description: 'Only requests in this state' })
  @IsOptional()
  @IsIn(RENEWAL_REQUEST_STATUSES)
  status?: (typeof RENEWAL_REQUEST_STATUSES)[number];
}

export class RenewalRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ format: 'uuid' }) cameraId: string;
  @ApiProperty({ description: 'The camera name, else "device / CH n"' }) cameraName: string;
  @ApiProperty({ nullable: true, type: String, description: 'The camera’s own name; null when it has none' })
  cameraOwnName: string | null;
  @ApiProperty() cameraChannel: number;
  @ApiProperty({ description: 'The device name, else "model (serial)"' }) deviceName: string;
  @ApiProperty({ enum: DEVICE_TYPES }) deviceType: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: RENEWAL_REQUEST_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'License end when asked' })
  licenseEndsAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) handledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) handledByName: string | null;
}
