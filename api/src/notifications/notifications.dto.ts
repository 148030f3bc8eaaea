import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { NOTIFICATION_KINDS, REMINDER_THRESHOLDS, type NotificationKind } from '@lc/shared';
import { PageQueryDto } from '../common/http/page-query.dto.js';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sent from this instant (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sent before this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class NotificationLicenseDto {
  @ApiProperty() licenseId: string;
  @ApiProperty() skuCode: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ nullable: true, type: String }) cameraId: string | null;
  @ApiProperty({ nullable: true, type: String }) cameraName: string | null;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ enum: REMINDER_THRESHOLDS, nullable: true, type: String }) threshold: string | null;
  @ApiProperty({ enum: ['dealer', 'customer'] }) recipientKind: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['ja', 'en'] }) language: string;
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String }) customerName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed'], nullable: true, type: String }) status:
    string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() licenseCount: number;
  @ApiProperty({ type: [NotificationLicenseDto] }) licenses: NotificationLicenseDto[];
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class NotificationSettingsDto {
  @ApiProperty({ description: 'Receive license reminders and lapse notices by e-mail' })
  @IsBoolean()
  licenseReminders: boolean;
}
