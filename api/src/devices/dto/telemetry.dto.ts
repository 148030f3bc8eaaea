import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CONNECTION_EVENT_KINDS,
  DEVICE_LOG_KINDS,
  type ConnectionEventKind,
  type DeviceLogKind,
} from '@lc/shared';
import { PeriodPageQueryDto } from '../../common/http/page-query.dto.js';

class TelemetryQueryDto extends PeriodPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a dealer: one of its customers' })
  @IsOptional()
  @IsUUID('all')
  customerId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: every matching entry as a CSV file' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ConnectionHistoryQueryDto extends TelemetryQueryDto {
  @ApiPropertyOptional({ description: 'Part of the device name or serial' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: CONNECTION_EVENT_KINDS })
  @IsOptional()
  @IsIn(CONNECTION_EVENT_KINDS)
  kind?: ConnectionEventKind;
}

export class DeviceLogQueryDto extends TelemetryQueryDto {
  @ApiPropertyOptional({ enum: DEVICE_LOG_KINDS })
  @IsOptional()
  @IsIn(DEVICE_LOG_KINDS)
  kind?: DeviceLogKind;
}

export class EventQueryDto extends TelemetryQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  deviceId?: string;

  @ApiPropertyOptional({ example: 'motion' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,40}$/, { message: 'type must be 1–40 lowercase letters or _' })
  type?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Several devices, comma-separated ids (also repeated); combined with deviceId',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => listParam(value))
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  deviceIds?: string[];

  @ApiPropertyOptional({ type: String, description: 'Several types, comma-separated (also repeated)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => listParam(value))
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z_]{1,40}$/, { each: true, message: 'types must be 1–40 lowercase letters or _ each' })
  types?: string[];
}

/** `a,b` or `?x=a&x=b` → ['a', 'b']. */
function listParam(value: unknown): unknown {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [v],
  );
  return parts.filter((v) => v !== '');
}

export class ConnectionEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ type: String, nullable: true }) deviceName: string | null;
  @ApiProperty({ description: 'The device model (with the serial, it names an unnamed device)' })
  model: string;
  @ApiProperty() serial: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: CONNECTION_EVENT_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true }) status: string | null;
}

export class ConnectionHistoryPageDto {
  @ApiProperty({ type: ConnectionEventDto, isArray: true }) items: ConnectionEventDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DeviceLogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ enum: DEVICE_LOG_KINDS }) kind: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() message: string;
}

export class DeviceLogPageDto {
  @ApiProperty({ type: DeviceLogDto, isArray: true }) items: DeviceLogDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DeviceEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ type: String, nullable: true }) deviceName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) cameraId: string | null;
  @ApiProperty({ type: String, nullable: true }) cameraName: string | null;
  @ApiProperty({ type: Number, nullable: true }) channel: number | null;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
}

export class DeviceEventPageDto {
  @ApiProperty({ type: DeviceEventDto, isArray: true }) items: DeviceEventDto[];
  @ApiProperty({ description: 'Matching events, counted up to 1000' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'More than 1000 events matched; only the latest 1000 are shown' })
  truncated: boolean;
}

export class AlarmDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ type: String, nullable: true }) deviceName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) cameraId: string | null;
  @ApiProperty({ type: String, nullable: true }) cameraName: string | null;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}
