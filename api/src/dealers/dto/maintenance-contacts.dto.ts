import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { MAINTENANCE_CONTACTS_MAX } from '@lc/shared';
import { OmitOrValid, PHONE_MESSAGE, PHONE_PATTERN, Trim } from '../../accounts/validators.js';

export class UpdateMaintenanceContactsDto {
  @ApiProperty({
    type: [String],
    maxItems: MAINTENANCE_CONTACTS_MAX,
    description: `Maintenance-contact e-mails (at most ${MAINTENANCE_CONTACTS_MAX}; more: 600103, duplicates: 600104)`,
    example: ['hoshu1@example.jp'],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails: string[];

  @ApiPropertyOptional({
    example: '03-1234-5678',
    description: 'The phone customers enter to link (optional)',
  })
  @OmitOrValid()
  @Trim()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;
}

export class MaintenanceContactsDto {
  @ApiProperty({ type: [String] }) emails: string[];
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}
