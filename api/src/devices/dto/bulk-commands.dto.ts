import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  BULK_COMMAND_KINDS,
  BULK_DEVICE_MAX,
  FIRMWARE_VERSION_MAX,
  THUMBNAIL_CACHE_INTERVALS,
  type BulkCommandKind,
} from '@lc/shared';

export class BulkCommandPayloadDto {
  @ApiPropertyOptional({ description: 'thumbnail_cache: on or off' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    enum: THUMBNAIL_CACHE_INTERVALS,
    description: 'thumbnail_cache on: sending interval (minutes)',
  })
  @IsOptional()
  @IsIn(THUMBNAIL_CACHE_INTERVALS)
  intervalMinutes?: number;

  @ApiPropertyOptional({ description: 'firmware_update: the version to install (default: the latest)' })
  @IsOptional()
  @IsString()
  @MaxLength(FIRMWARE_VERSION_MAX)
  version?: string;
}

/** `POST /api/devices/bulk-commands` (seed 001 §4.2.10–4.2.11). */
export class BulkCommandDto {
  @ApiProperty({ type: String, isArray: true, format: 'uuid', maxItems: BULK_DEVICE_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_DEVICE_MAX)
  @IsUUID('all', { each: true })
  deviceIds: string[];

  @ApiProperty({ enum: BULK_COMMAND_KINDS })
  @IsIn(BULK_COMMAND_KINDS)
  kind: BulkCommandKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'firmware_update: the reserved time (future)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ type: BulkCommandPayloadDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BulkCommandPayloadDto)
  payload?: BulkCommandPayloadDto;
}

export class BulkCommandResultDto {
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ type: String, nullable: true }) deviceName: string | null;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) commandId: string | null;
  @ApiProperty({ type: Number, nullable: true }) code: number | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
}

export class BulkCommandAnswerDto {
  @ApiProperty({ type: BulkCommandResultDto, isArray: true }) results: BulkCommandResultDto[];
}
