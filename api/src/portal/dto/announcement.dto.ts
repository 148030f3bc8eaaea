import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ANNOUNCEMENT_AUDIENCES,
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  CUSTOMER_NAME_MAX,
  ErrorCode,
  type AnnouncementAudience,
} from '@lc/shared';
import { Trim, withCode } from '../../accounts/validators.js';

export class AnnouncementTitleDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ANNOUNCEMENT_TITLE_MAX) ja: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ANNOUNCEMENT_TITLE_MAX) en: string;
}

export class AnnouncementBodyDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ANNOUNCEMENT_BODY_MAX) ja: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ANNOUNCEMENT_BODY_MAX) en: string;
}

/** `POST /api/announcements` (API.md). */
export class CreateAnnouncementDto {
  @ApiProperty({ type: AnnouncementTitleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AnnouncementTitleDto)
  title: AnnouncementTitleDto;

  @ApiProperty({ type: AnnouncementBodyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AnnouncementBodyDto)
  body: AnnouncementBodyDto;

  @ApiProperty({ enum: ANNOUNCEMENT_AUDIENCES })
  @IsIn(ANNOUNCEMENT_AUDIENCES)
  audience: AnnouncementAudience;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it appears; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishAt?: string;
}

export class AnnouncementCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class ContractHolderNameDto {
  @ApiProperty({ maxLength: CUSTOMER_NAME_MAX, description: 'Contract holder name (seed 001 §6.1)' })
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @Trim()
  @IsString()
  @MaxLength(CUSTOMER_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name: string;
}

export class AcceptTermsDto {
  @ApiProperty({ example: '2026-12-01', description: 'The version shown (GET /api/terms)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  version: string;
}
