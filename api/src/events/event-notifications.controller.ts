import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { EventNotificationsDto } from './dto/event-notifications.dto.js';
import { EventNotificationsService } from './event-notifications.service.js';

/** The caller's own event notification settings (API.md). */
@ApiTags('events')
@ApiBearerAuth()
@Controller('event-notifications')
export class EventNotificationsController {
  constructor(private readonly settings: EventNotificationsService) {}

  @Allow('customer', 'shared_user')
  @Get()
  @ApiOkResponse({ type: EventNotificationsDto })
  get(@CurrentUser() user: AuthUser) {
    return this.settings.get(user.id);
  }

  @Allow('customer', 'shared_user')
  @Put()
  @ApiOkResponse({ type: EventNotificationsDto })
  put(@CurrentUser() user: AuthUser, @Body() dto: EventNotificationsDto) {
    return this.settings.put(user, dto);
  }
}
