import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DEALER_SUSPEND_REASON_MAX } from '@lc/shared';
import { Trim } from '../../accounts/validators.js';

export class SuspendDealerDto {
  @ApiPropertyOptional({
    maxLength: DEALER_SUSPEND_REASON_MAX,
    description: 'Why the dealer is suspended (shown to the operator only)',
    example: 'Invoices unpaid for 90 days',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(DEALER_SUSPEND_REASON_MAX)
  reason?: string;
}
