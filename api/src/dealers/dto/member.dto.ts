import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ErrorCode,
  LANGUAGES,
  PERSON_NAME_MAX,
  MEMBER_ROLES,
  type Language,
  type MemberRole,
} from '@lc/shared';
import { Trim, withCode } from '../../accounts/validators.js';

export class InviteMemberDto {
  @ApiProperty({ description: 'The member signs in with this e-mail' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(PERSON_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name: string;

  @ApiProperty({ enum: MEMBER_ROLES, description: 'Only an owner may invite an owner' })
  @IsIn(MEMBER_ROLES)
  role: MemberRole;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'ja', description: "Language of the member's e-mails" })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: MEMBER_ROLES, description: 'The last owner cannot be demoted' })
  @IsIn(MEMBER_ROLES)
  role: MemberRole;
}

export class MemberDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: string;
  @ApiProperty({ enum: ['invited', 'active'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
