import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DEACTIVATION_COMMENT_MAX, DEACTIVATION_REASONS, type DeactivationReason } from '@lc/shared';

export class DeactivateAccountDto {
  @ApiProperty({ description: 'The contract holder’s password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: DEACTIVATION_REASONS, isArray: true, description: 'Optional questionnaire' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DEACTIVATION_REASONS.length)
  @IsIn(DEACTIVATION_REASONS, { each: true })
  reasons?: DeactivationReason[];

  @ApiPropertyOptional({ maxLength: DEACTIVATION_COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(DEACTIVATION_COMMENT_MAX)
  comment?: string;
}

export class DeactivationImpactDto {
  @ApiProperty() devices: number;
  @ApiProperty() cameras: number;
  @ApiProperty({ description: 'Valid licenses, bound or in the pool, that become void' }) licenses: number;
  @ApiProperty({ description: 'Days remaining on those licenses, summed (no refund)' }) daysForfeited: number;
  @ApiProperty({ description: 'Shared users whose sign-in ends too' }) sharedUsers: number;
}
