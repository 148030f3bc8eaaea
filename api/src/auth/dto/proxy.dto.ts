import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PROXY_REASON_MAX, PROXY_SESSION_MINUTES } from '@lc/shared';
import { Trim } from '../../accounts/validators.js';
import { ProxySessionInfoDto, SessionUserDto } from './auth.dto.js';

export class OpenProxySessionDto {
  @ApiProperty({ format: 'uuid', description: 'A customer of your own dealer' })
  @IsUUID('all')
  customerId: string;

  @ApiProperty({ maxLength: PROXY_REASON_MAX, description: 'Why you act as the customer (shown to them)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROXY_REASON_MAX)
  reason: string;

  @ApiPropertyOptional({
    minimum: PROXY_SESSION_MINUTES.min,
    maximum: PROXY_SESSION_MINUTES.max,
    default: PROXY_SESSION_MINUTES.default,
  })
  @IsOptional()
  @IsInt()
  @Min(PROXY_SESSION_MINUTES.min)
  @Max(PROXY_SESSION_MINUTES.max)
  minutes?: number;
}

export class ProxySessionCreatedDto {
  @ApiProperty({ description: 'Acts as the customer; every action is audited with the real actor' })
  accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty() sessionId: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ type: ProxySessionInfoDto }) proxy: ProxySessionInfoDto;
}
