import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CUSTOMER_NAME_MAX,
  CUSTOMER_SORTS,
  ErrorCode,
  LANGUAGES,
  SORT_ORDERS,
  type CustomerSort,
  type Language,
  type SortOrder,
} from '@lc/shared';
import { IsTimeZone, OmitOrValid, Trim, withCode } from '../../accounts/validators.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';

export class CreateCustomerDto {
  @ApiProperty({ maxLength: CUSTOMER_NAME_MAX, description: 'Contract holder name' })
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @Trim()
  @IsString()
  @MaxLength(CUSTOMER_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name: string;

  @ApiProperty({ description: 'Login e-mail (unique across all users)' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiProperty({ example: 'Asia/Tokyo' })
  @IsString()
  @IsTimeZone()
  timeZone: string;

  @ApiPropertyOptional({
    description:
      'Typed by the dealer for installation: no password e-mail; the portal asks "reset the password now?" at every sign-in until handover. Without it a random initial password is e-mailed (valid 24 hours).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  temporaryPassword?: string;
}

export class UpdateCustomerDto {
  @ApiPropertyOptional({
    description: 'Correct a mistyped e-mail; refused (409) after the first license assignment',
  })
  @OmitOrValid()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: CUSTOMER_NAME_MAX })
  @OmitOrValid()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @Trim()
  @IsString()
  @MaxLength(CUSTOMER_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name?: string;
}

export class ListCustomersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(CUSTOMER_SORTS)
  sort?: CustomerSort;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

export class HandoverDto {
  @ApiProperty({
    description: 'true at handover: e-mail a set-password link and stop asking; false: ask again',
  })
  @IsBoolean()
  reset: boolean;
}

export class CreatedCustomerDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
}

export class CustomerDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstAssignedAt: string | null;
  @ApiProperty() emailEditable: boolean;
  @ApiProperty() handoverPending: boolean;
  @ApiProperty() initialPasswordPending: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deactivatedAt: string | null;
  @ApiPropertyOptional({ description: 'Valid licenses (in the pool or bound); list and detail only' })
  licenseCount?: number;
  @ApiPropertyOptional({ description: 'Registered cameras; list and detail only' })
  cameraCount?: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the first valid license ends; list and detail only',
  })
  nextEndsAt?: string | null;
}

export class CustomerPageDto {
  @ApiProperty({ type: [CustomerDto] }) items: CustomerDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class HandoverResultDto {
  @ApiProperty() handoverPending: boolean;
}
