import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NOTIFY_EVENT_TYPES, type NotifyEventType } from '@lc/shared';

export class NotificationScheduleDto {
  @ApiProperty({ type: Number, isArray: true, description: 'Weekdays, 0 = Sunday … 6 = Saturday' })
  @IsArray()
  @ArrayMaxSize(7)
  @Type(() => Number)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(6, { each: true })
  days: number[];

  @ApiProperty({ example: '09:00', description: "Local time in the user's zone" })
  @IsString()
  from: string;

  @ApiProperty({ example: '18:00', description: 'Local time (exclusive); before `from` = past midnight' })
  @IsString()
  to: string;
}

/** `PUT /api/event-notifications` (API.md). */
export class EventNotificationsDto {
  @ApiProperty() @IsBoolean() email: boolean;
  @ApiProperty({ description: 'Stored and shown; there is no push channel yet' }) @IsBoolean() push: boolean;

  @ApiProperty({ enum: NOTIFY_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMaxSize(NOTIFY_EVENT_TYPES.length)
  @IsIn(NOTIFY_EVENT_TYPES, { each: true })
  eventTypes: NotifyEventType[];

  @ApiPropertyOptional({
    type: NotificationScheduleDto,
    nullable: true,
    description: 'null or omitted = always',
  })
  @IsOptional()
  @ValidateIf((o: EventNotificationsDto) => o.schedule !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationScheduleDto)
  schedule?: NotificationScheduleDto | null;
}
