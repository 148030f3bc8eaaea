import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PeriodPageQueryDto } from '../../common/http/page-query.dto.js';

export class AuditQueryDto extends PeriodPageQueryDto {
  @ApiPropertyOptional({
    description: 'An action, e.g. customer.created; a trailing * matches a prefix (customer.*)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z0-9_.]+\*?$/, { message: '$property must be an action name such as customer.created' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Operator: one dealer only' })
  @IsOptional()
  @IsUUID('all')
  dealerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Entries about one customer' })
  @IsOptional()
  @IsUUID('all')
  customerId?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Proxy session: the dealer member really acting',
  })
  impersonatorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) impersonatorName: string | null;
  @ApiProperty({ nullable: true, type: String }) dealerId: string | null;
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String }) targetType: string | null;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true }) before: unknown;
  @ApiProperty({ nullable: true }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
