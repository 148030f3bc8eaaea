import { Body, Controller, Get, Header, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { csvDisposition, toCsv } from '../common/http/csv.js';
import { NotificationPageDto, NotificationQueryDto, NotificationSettingsDto } from './notifications.dto.js';
import { NOTIFICATIONS_CSV_HEADER, NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Reminders, lapse and auto-assignment e-mails about the dealer's licenses, newest first. */
  @Allow('dealer')
  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationQueryDto) {
    return this.notifications.list(user, q);
  }

  @Allow('dealer')
  @Get('export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() q: NotificationQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = toCsv(NOTIFICATIONS_CSV_HEADER, await this.notifications.exportRows(user, q));
    res.setHeader('Content-Disposition', csvDisposition('notifications', this.clock.now()));
    return body;
  }

  /** The signed-in member's own setting: receive license reminders and notices or not. */
  @Allow('dealer')
  @Get('settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  settings(@CurrentUser() user: AuthUser) {
    return this.notifications.settings(user);
  }

  @Allow('dealer')
  @Put('settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  updateSettings(@CurrentUser() user: AuthUser, @Body() body: NotificationSettingsDto) {
    return this.notifications.updateSettings(user, { licenseReminders: body.licenseReminders });
  }
}
