import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ErrorCode, PERSON_NAME_MAX } from '@lc/shared';
import { Trim, withCode } from '../../accounts/validators.js';

export class TokenDto {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class AcceptInvitationDto extends TokenDto {
  @ApiProperty({ description: 'The new password (SPEC §5 policy)' })
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiPropertyOptional({ description: 'Your name, if the invitation did not have it right' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty(withCode(ErrorCode.NAME_MISSING))
  @MaxLength(PERSON_NAME_MAX, withCode(ErrorCode.NAME_TOO_LONG))
  name?: string;
}

export class SetPasswordDto extends TokenDto {
  @ApiProperty({ description: 'The new password (SPEC §5 policy)' })
  @IsString()
  @MaxLength(128)
  password: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: 'The token of the e-mailed link (or give email and code)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({ description: 'With code: the account e-mail' })
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'The 6-digit verification code from the e-mail' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^\d{6}$/, withCode(ErrorCode.VERIFICATION_CODE_WRONG, { message: '$property must be 6 digits' }))
  code?: string;

  @ApiProperty({ description: 'The new password (SPEC §5 policy)' })
  @IsString()
  @MaxLength(128)
  password: string;
}

export class ChangeEmailDto {
  @ApiProperty({ description: 'Your current password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;

  @ApiProperty({ description: 'The new address; a confirmation link is sent there (valid 24 hours)' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  newEmail: string;
}
