import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, ROLES, type Language } from '@lc/shared';

export class LoginDto {
  @ApiProperty({ description: 'E-mail address, or a dealer login ID (signs in its owner)' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  login: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ description: 'Must satisfy the password policy (SPEC §5)' })
  @IsString()
  @MaxLength(128)
  newPassword: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ProxySessionInfoDto {
  @ApiProperty() sessionId: string;
  @ApiProperty({ description: 'The dealer member really acting' }) actingUserId: string;
  @ApiProperty() actingUserName: string;
  @ApiProperty() dealerId: string;
  @ApiProperty() dealerCompanyName: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty() timeZone: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dealerId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) customerId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) memberRole?: string | null;
  @ApiPropertyOptional() mustChangePassword?: boolean;
  @ApiPropertyOptional({
    description: 'Customer created with a temporary password: ask "reset the password now?" at every sign-in',
  })
  handoverPending?: boolean;
  @ApiPropertyOptional({ type: ProxySessionInfoDto, description: 'Present inside a proxy session' })
  proxy?: ProxySessionInfoDto;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}

export class PublicConfigDto {
  @ApiProperty() appEnv: string;
  @ApiProperty() devSurface: boolean;
  @ApiProperty() idleTimeoutMinutes: number;
}
