import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  DEVICE_TYPES,
  INCIDENT_KINDS,
  LICENSE_STANDINGS,
  MAINTENANCE_OPERATIONS,
  type LicenseStanding,
  type MaintenanceOperation,
} from '@lc/shared';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { Trim } from '../../accounts/validators.js';

export class CreateMaintenanceLinkDto {
  @ApiProperty({ description: "The maintaining dealer's login ID (case-sensitive)", example: 'demo-dealer' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  dealerLoginId: string;

  @ApiProperty({ description: "The dealer's phone; compared by digits only", example: '03-1234-5678' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  dealerPhone: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Devices to link. Omitted: all devices of the customer, including devices registered later.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  deviceIds?: string[];
}

export class MaintenanceLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() dealerLoginId: string;
  @ApiProperty() dealerCompanyName: string;
  @ApiProperty({ description: 'Every device of the customer, also later ones' }) allDevices: boolean;
  @ApiProperty({ type: [String], description: 'The devices linked now' }) deviceIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MaintenanceDevicesQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this (linked) customer' })
  @IsOptional()
  @IsUUID('all')
  customerId?: string;

  @ApiPropertyOptional({ description: 'Part of the device name or serial' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Exact device status, e.g. communication_error, alarm' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { message: '$property must be a status word such as communication_error' })
  status?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last contact before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastSeenBefore?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last contact at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastSeenAfter?: string;
}

/** The list's filters with `page` / `pageSize`. */
export class MaintenanceDevicesPageQueryDto extends IntersectionType(
  MaintenanceDevicesQueryDto,
  PageQueryDto,
) {}

export class MaintenanceDeviceItemDto {
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: DEVICE_TYPES }) type: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSeenAt: string | null;
  @ApiProperty() customerName: string;
  @ApiProperty() serial: string;
  @ApiProperty() model: string;
  @ApiProperty() firmware: string;
  @ApiProperty() cameras: number;
  @ApiProperty() licensedCameras: number;
  @ApiProperty({ description: 'Remote operations possible (a licensed camera, SPEC §3)' }) operable: boolean;
}

export class MaintenanceDevicePageDto {
  @ApiProperty({ type: [MaintenanceDeviceItemDto] }) items: MaintenanceDeviceItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MaintenanceCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty() name: string;
  @ApiProperty() devices: number;
}

export class MaintenanceCameraDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() channel: number;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() model: string;
  @ApiProperty({ enum: ['edge', 'direct'] }) kind: string;
  @ApiProperty() licensed: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endsAt: string | null;
}

export class OpenIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
}

export class MaintenanceDeviceDetailDto extends MaintenanceDeviceItemDto {
  @ApiProperty() mac: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) linkedAt: string;
  @ApiProperty({ type: [MaintenanceCameraDto] }) cameraList: MaintenanceCameraDto[];
  @ApiProperty({ nullable: true, type: String, enum: ['unlicensed'] }) blockedReason: string | null;
  @ApiProperty({
    enum: LICENSE_STANDINGS,
    description: 'License standing of the device (SPEC §3 device rule)',
  })
  licenseState: LicenseStanding;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When it lapsed, if lapsed',
  })
  lapsedAt: string | null;
  @ApiProperty({ type: [OpenIncidentDto] }) openIncidents: OpenIncidentDto[];
}

export class MaintenanceOperationDto {
  @ApiProperty({ enum: MAINTENANCE_OPERATIONS })
  @IsIn(MAINTENANCE_OPERATIONS)
  kind: MaintenanceOperation;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Not before this instant; required (and in the future, else 50401) for firmware_update',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'e.g. {version}' })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}
