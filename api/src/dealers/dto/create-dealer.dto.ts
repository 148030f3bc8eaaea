import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  DEALER_TIERS,
  ErrorCode,
  LANGUAGES,
  PERSON_NAME_MAX,
  type DealerTier,
  type Language,
} from '@lc/shared';
import {
  Immutable,
  IsLoginId,
  OmitOrValid,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  Trim,
  withCode,
} from '../../accounts/validators.js';

export class CreateDealerDto {
  @ApiProperty({
    description: 'Dealer login ID: 3–16 characters of A-Z a-z 0-9 _ -, unique, case-sensitive, immutable',
    example: 'sakura-sec',
  })
  @IsString()
  @IsLoginId()
  loginId: string;

  @ApiProperty({ maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(100, withCode(ErrorCode.NAME_TOO_LONG))
  companyName: string;

  @ApiProperty({ description: "The owner's login e-mail and the dealer's first notification e-mail" })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '03-1234-5678' })
  @Trim()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ enum: DEALER_TIERS, description: 'operator: primary; a primary dealer: secondary' })
  @IsIn(DEALER_TIERS)
  tier: DealerTier;

  @ApiPropertyOptional({
    description: "The owner's name (default: the company name)",
    maxLength: PERSON_NAME_MAX,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(PERSON_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  ownerName?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'ja', description: "Language of the owner's e-mails" })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  representativeName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  representativeKana?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  address?: string;
}

/** Profile fields (GET/PATCH /api/dealers/me); null clears an optional one. */
export class UpdateDealerDto {
  @ApiHideProperty()
  @OmitOrValid()
  @Immutable()
  loginId?: never;

  @ApiHideProperty()
  @OmitOrValid()
  @Immutable()
  tier?: never;

  @ApiPropertyOptional({ maxLength: 100 })
  @OmitOrValid()
  @Trim()
  @IsString()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(100, withCode(ErrorCode.NAME_TOO_LONG))
  companyName?: string;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  department?: string | null;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  representativeName?: string | null;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String, description: 'Reading (kana)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  representativeKana?: string | null;

  @ApiPropertyOptional({ example: '03-1234-5678' })
  @OmitOrValid()
  @Trim()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ description: 'Where account notices and reminders go' })
  @OmitOrValid()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  notificationEmail?: string;
}
