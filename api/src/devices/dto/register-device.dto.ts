import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DEVICE_TYPES, type DeviceType } from '@lc/shared';

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
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => CameraSpecDto)
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

export class HeartbeatDto {
  @ApiProperty({ example: 'normal', description: 'The device’s own status word' })
  @IsString()
  @Matches(/^[a-z_]{1,40}$/, { message: 'status must be 1–40 lowercase letters or _' })
  status: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  events?: Record<string, unknown>[];
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
