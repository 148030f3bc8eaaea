import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ErrorCode, LANGUAGES, SHARED_USER_NAME_MAX, type Language } from '@lc/shared';
import { OmitOrValid, Trim, withCode } from '../../accounts/validators.js';

/** Live view is always granted; these five are the contract holder's choice. */
export class SharedPermissionsDto {
  @ApiProperty() @IsBoolean() playback: boolean;
  @ApiProperty() @IsBoolean() download: boolean;
  @ApiProperty() @IsBoolean() cameraControl: boolean;
  @ApiProperty() @IsBoolean() eventSearch: boolean;
  @ApiProperty() @IsBoolean() cameraSettings: boolean;
}

export class CreateSharedUserDto {
  @ApiProperty({ maxLength: SHARED_USER_NAME_MAX, description: '400249 when missing, 400250 when longer' })
  @Trim()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @IsString(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(SHARED_USER_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name: string;

  @ApiProperty({ description: 'Not registered anywhere in the service (409 400229)' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Of the invitation and later e-mails (default: the holder’s)',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: SharedPermissionsDto, description: 'Omitted: live view only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SharedPermissionsDto)
  permissions?: SharedPermissionsDto;

  @ApiPropertyOptional({ type: [String], description: 'Cameras to share right away' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  cameraIds?: string[];
}

export class UpdateSharedUserDto {
  @ApiPropertyOptional({ maxLength: SHARED_USER_NAME_MAX })
  @OmitOrValid()
  @Trim()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @IsString(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(SHARED_USER_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name?: string;

  @ApiPropertyOptional({ type: SharedPermissionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SharedPermissionsDto)
  permissions?: SharedPermissionsDto;
}

export class SharedCamerasDto {
  @ApiProperty({ type: [String], description: 'Replaces the cameras shared with the user' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  cameraIds: string[];
}

export class CameraSharedUsersDto {
  @ApiProperty({ type: [String], description: 'Replaces the shared users who see this camera' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class DeleteSharedUserDto {
  @ApiProperty({ description: 'The contract holder’s password (400 400224 when wrong)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SharedUserDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ type: SharedPermissionsDto }) permissions: SharedPermissionsDto;
  @ApiProperty({ type: [String] }) cameraIds: string[];
  @ApiProperty({ enum: ['invited', 'active'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedSharedUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
}

export class CameraSharedUsersViewDto {
  @ApiProperty() cameraId: string;
  @ApiProperty({ type: [String] }) userIds: string[];
}
