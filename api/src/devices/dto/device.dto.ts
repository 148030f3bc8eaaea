import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  CAMERA_NAME_MAX,
  DEVICE_COMMAND_KINDS,
  TRANSFER_REASON_MAX,
  type DeviceCommandKind,
} from '@lc/shared';
import { CapabilitiesDto, DeviceSpecDto } from './register-device.dto.js';

export class DevicesQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a dealer: one of its customers' })
  @IsOptional()
  @IsUUID('all')
  customerId?: string;
}

export class UpdateCameraDto {
  @ApiPropertyOptional({ maxLength: CAMERA_NAME_MAX })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(CAMERA_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ description: 'Skipped by auto-binding; a bound license stays bound' })
  @IsOptional()
  @IsBoolean()
  doNotLicense?: boolean;
}

export class TransferLicenseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  toCameraId: string;

  @ApiPropertyOptional({ description: 'Mark the source camera "do not license" in the same step' })
  @IsOptional()
  @IsBoolean()
  doNotLicenseSource?: boolean;

  @ApiPropertyOptional({ maxLength: TRANSFER_REASON_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TRANSFER_REASON_MAX)
  reason?: string;
}

export class DeleteDeviceDto {
  @ApiProperty({ description: 'The contract holder’s password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class ExchangeDeviceDto extends DeviceSpecDto {}

export class CameraViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty() channel: number;
  @ApiProperty() model: string;
  @ApiProperty({ enum: ['edge', 'direct'] }) kind: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() doNotLicense: boolean;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() licensed: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) licenseId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endsAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) daysLeft: number | null;
  @ApiProperty() lapsed: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lapsedAt: string | null;
  @ApiProperty({ type: CapabilitiesDto }) capabilities: CapabilitiesDto;
}

export class DeviceViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ enum: ['recorder', 'camera'] }) type: string;
  @ApiProperty() serial: string;
  @ApiProperty() model: string;
  @ApiProperty() mac: string;
  @ApiProperty() firmware: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSeenAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: CameraViewDto, isArray: true }) cameras: CameraViewDto[];
}

export class DeletionImpactDto {
  @ApiProperty() licenses: number;
  @ApiProperty() daysForfeited: number;
}

export class ExchangeResultDto {
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty() credential: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) cameras: Array<{ id: string; channel: number }>;
  @ApiProperty({ format: 'uuid' }) replacedDeviceId: string;
  @ApiProperty() movedLicenses: number;
}

export class TransferredLicenseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() skuCode: string;
  @ApiProperty() kind: string;
  @ApiProperty() state: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) cameraId: string | null;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class CreateCommandDto {
  @ApiProperty({ enum: DEVICE_COMMAND_KINDS })
  @IsIn(DEVICE_COMMAND_KINDS)
  kind: DeviceCommandKind;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'firmware_update: the reserved time (required, in the future); others: not before',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'e.g. {version} or {enabled}',
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

/** `PUT …/firmware-reservation`: reserve, or change the reserved time (overwrites, seed 001 §4.2.3). */
export class FirmwareReservationDto {
  @ApiProperty({ format: 'date-time', description: 'The reserved time, in the future (else 50401)' })
  @IsISO8601({ strict: true })
  at: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'e.g. {version}' })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class DeviceCommandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ enum: DEVICE_COMMAND_KINDS }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) notBefore: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deliveredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resultMessage: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) completedAt: string | null;
}
