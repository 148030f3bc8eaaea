import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsUUID,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DEVICE_LOG_KINDS, DEVICE_TYPES, type DeviceLogKind, type DeviceType } from '@lc/shared';
import { OptionalNestedArray } from '../../common/http/nested-array.js';

export class CameraSpecDto {
  @ApiProperty({ minimum: 1, maximum: 256, example: 1 })
  @IsInt()
  @Min(1)
  @Max(256)
  channel: number;

  @ApiProperty({ example: 'CAM-200' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  model: string;
}

/** What a device says about itself (registration and exchange). */
export class DeviceSpecDto {
  @ApiProperty({ example: 'SN-0001' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'serial must be 1–64 letters, digits, . _ : -' })
  serial: string;

  @ApiProperty({ example: 'REC-8' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  model: string;

  @ApiProperty({ example: '00:11:22:33:44:55' })
  @IsString()
  @Matches(/^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$/, { message: 'mac must be a MAC address' })
  mac: string;

  @ApiProperty({ example: '1.0.0' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  firmware: string;

  @ApiPropertyOptional({ type: CameraSpecDto, isArray: true, description: 'A recorder’s cameras' })
  @OptionalNestedArray(() => CameraSpecDto, 64)
  cameras?: CameraSpecDto[];
}

export class RegisterDeviceSpecDto extends DeviceSpecDto {
  @ApiProperty({ enum: DEVICE_TYPES })
  @IsIn(DEVICE_TYPES)
  type: DeviceType;
}

export class RegisterDeviceDto {
  @ApiProperty({ description: 'The contract holder’s e-mail' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiProperty({ type: RegisterDeviceSpecDto })
  @ValidateNested()
  @Type(() => RegisterDeviceSpecDto)
  device: RegisterDeviceSpecDto;
}

export class RegisteredCameraDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() channel: number;
}

export class DeviceRegistrationDto {
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ description: 'Send as `Authorization: Device <credential>`; shown once' })
  credential: string;
  @ApiProperty({ type: RegisteredCameraDto, isArray: true }) cameras: RegisteredCameraDto[];
}

export class HeartbeatEventDto {
  @ApiProperty({ example: 'motion' })
  @IsString()
  @Matches(/^[a-z_]{1,40}$/, { message: 'type must be 1–40 lowercase letters or _' })
  type: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'The camera channel, when the event is about one camera' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(256)
  channel?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class HeartbeatLogDto {
  @ApiProperty({ enum: DEVICE_LOG_KINDS })
  @IsIn(DEVICE_LOG_KINDS)
  kind: DeviceLogKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was logged (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  message: string;
}

export class CommandResultDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id: string;

  @ApiProperty({ enum: ['done', 'failed'] })
  @IsIn(['done', 'failed'])
  status: 'done' | 'failed';

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class HeartbeatDto {
  @ApiProperty({
    example: 'normal',
    description: 'The device’s own status word: normal, recorder_error, alarm, …',
  })
  @IsString()
  @Matches(/^[a-z_]{1,40}$/, { message: 'status must be 1–40 lowercase letters or _' })
  status: string;

  @ApiPropertyOptional({
    type: CameraSpecDto,
    isArray: true,
    description: 'Recorder only: its current cameras; channels not known yet are registered and licensed',
  })
  @OptionalNestedArray(() => CameraSpecDto, 64)
  cameras?: CameraSpecDto[];

  @ApiPropertyOptional({ type: HeartbeatEventDto, isArray: true })
  @OptionalNestedArray(() => HeartbeatEventDto, 100)
  events?: HeartbeatEventDto[];

  @ApiPropertyOptional({ type: HeartbeatLogDto, isArray: true })
  @OptionalNestedArray(() => HeartbeatLogDto, 100)
  logs?: HeartbeatLogDto[];

  @ApiPropertyOptional({ type: CommandResultDto, isArray: true, description: 'Commands executed since' })
  @OptionalNestedArray(() => CommandResultDto, 100)
  commandResults?: CommandResultDto[];
}

export class HeartbeatResultDto {
  @ApiProperty({ type: 'array', items: { type: 'object' } }) commands: Record<string, unknown>[];
  @ApiProperty() entitlementsVersion: number;
}

export class CapabilitiesDto {
  @ApiProperty() hdmiLive: boolean;
  @ApiProperty() hdmiPlayback: boolean;
  @ApiProperty() hdmiEvents: boolean;
  @ApiProperty() sdExport: boolean;
  @ApiProperty() edgeRecording: boolean;
  @ApiProperty() remoteLive: boolean;
  @ApiProperty() remotePlayback: boolean;
  @ApiProperty() remoteNotification: boolean;
  @ApiProperty() remoteMaintenance: boolean;
}

export class EntitlementCameraDto {
  @ApiProperty({ format: 'uuid' }) cameraId: string;
  @ApiProperty() licensed: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) validUntil: string | null;
  @ApiProperty({ type: CapabilitiesDto }) capabilities: CapabilitiesDto;
}

export class EntitlementsPayloadDto {
  @ApiProperty({ format: 'uuid' }) deviceId: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: EntitlementCameraDto, isArray: true }) cameras: EntitlementCameraDto[];
}

export class EntitlementsDocumentDto {
  @ApiProperty({ type: EntitlementsPayloadDto }) payload: EntitlementsPayloadDto;
  @ApiProperty({ description: 'base64 Ed25519 over the UTF-8 bytes of JSON.stringify(payload)' })
  signature: string;
  @ApiProperty() keyId: string;
}

export class SigningKeyDto {
  @ApiProperty() keyId: string;
  @ApiProperty() publicKeyPem: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) retiredAt: string | null;
}
