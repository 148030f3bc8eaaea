import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEALER_TIERS, type DealerTier } from '@lc/shared';
import { PageQueryDto } from '../../common/http/page-query.dto.js';

export class ListDealersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the login ID, company name or notification e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: DEALER_TIERS })
  @IsOptional()
  @IsIn(DEALER_TIERS)
  tier?: DealerTier;
}

export class CreatedDealerDto {
  @ApiProperty() id: string;
  @ApiProperty() loginId: string;
  @ApiProperty({ enum: DEALER_TIERS }) tier: string;
}

export class DealerSuspensionDto {
  @ApiProperty({ format: 'date-time', description: 'Since when the dealer is suspended' }) at: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The operator's reason; null when none was given and for anyone but the operator",
  })
  reason: string | null;
}

export class DealerDto {
  @ApiProperty() id: string;
  @ApiProperty() loginId: string;
  @ApiProperty({ enum: DEALER_TIERS }) tier: string;
  @ApiProperty({ nullable: true, type: String }) parentDealerId: string | null;
  @ApiProperty() companyName: string;
  @ApiProperty({ nullable: true, type: String }) department: string | null;
  @ApiProperty({ nullable: true, type: String }) representativeName: string | null;
  @ApiProperty({ nullable: true, type: String }) representativeKana: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() notificationEmail: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: DealerSuspensionDto,
    nullable: true,
    description: 'Set while the operator has the dealer suspended',
  })
  suspension: DealerSuspensionDto | null;
}

export class DealerListItemDto extends DealerDto {
  @ApiProperty({ nullable: true, type: String }) ownerEmail: string | null;
  @ApiProperty({ description: 'The owner has not yet accepted the invitation' }) invitationPending: boolean;
}

export class DealerPageDto {
  @ApiProperty({ type: [DealerListItemDto] }) items: DealerListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
