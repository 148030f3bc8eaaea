import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { sendCsv } from '../common/http/csv.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { requireSharedPermission, sharedCameraIds } from '../customers/shared-access.js';
import {
  AlarmDto,
  ConnectionHistoryPageDto,
  ConnectionHistoryQueryDto,
  DeviceEventPageDto,
  DeviceLogPageDto,
  DeviceLogQueryDto,
  EventQueryDto,
} from './dto/telemetry.dto.js';
import { DeviceTelemetryService, historyCsv, logsCsv } from './telemetry.service.js';
import { EventSearchService } from './event-search.service.js';

/**
 * Connection history, device logs and event search for the customer (also in a proxy session,
 * audited). A dealer's own token is refused (403 500205): it reads them through a maintenance
 * link (`/api/maintenance/devices/:id/…`) or in a proxy session. `?format=csv` downloads every match.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class TelemetryController {
  constructor(
    private readonly telemetry: DeviceTelemetryService,
    private readonly eventSearch: EventSearchService,
    private readonly clock: Clock,
    private readonly ds: DataSource,
  ) {}

  @Allow('customer', 'dealer')
  @Get('connection-history')
  @ApiOkResponse({ type: ConnectionHistoryPageDto, description: 'Newest first, 50 per page' })
  @ApiProduces('application/json', 'text/csv')
  async history(
    @CurrentUser() user: AuthUser,
    @Query() q: ConnectionHistoryQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const customerId = await this.telemetry.authorizeRead(user, 'connection-history');
    return this.historyOut({ customerId }, q, res);
  }

  @Allow('customer', 'dealer')
  @Get('devices/:id/connection-history')
  @ApiOkResponse({ type: ConnectionHistoryPageDto, description: 'Newest first, 50 per page' })
  @ApiProduces('application/json', 'text/csv')
  @ApiNotFoundResponse()
  async deviceHistory(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Query() q: ConnectionHistoryQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const customerId = await this.telemetry.authorizeRead(user, 'connection-history', id);
    return this.historyOut({ customerId, deviceId: id }, q, res);
  }

  @Allow('customer', 'dealer')
  @Get('devices/:id/logs')
  @ApiOkResponse({ type: DeviceLogPageDto, description: 'Newest first' })
  @ApiProduces('application/json', 'text/csv')
  @ApiNotFoundResponse()
  async logs(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Query() q: DeviceLogQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const customerId = await this.telemetry.authorizeRead(user, 'logs', id);
    const csv = q.format === 'csv';
    const page = await this.telemetry.logs({ customerId, deviceId: id }, q, csv);
    return csv ? sendCsv(res, this.clock.now(), logsCsv(page.items)) : page;
  }

  /** A shared user needs the "event search" permission and sees only their cameras' events. */
  @Allow('customer', 'dealer', 'shared_user')
  @Get('events')
  @ApiOkResponse({ type: DeviceEventPageDto, description: 'Newest first, 100 per page, at most 1000' })
  async events(@CurrentUser() user: AuthUser, @Query() q: EventQueryDto) {
    if (user.role === 'shared_user') {
      await requireSharedPermission(this.ds.manager, user, 'eventSearch');
      return this.eventSearch.events(
        { customerId: user.customerId! },
        q,
        await sharedCameraIds(this.ds.manager, user.id),
      );
    }
    const customerId = await this.telemetry.authorizeRead(user, 'events', q.deviceId);
    return this.eventSearch.events({ customerId }, q);
  }

  /** The header bell: the customer's latest 10 alarms. */
  @Allow('customer')
  @Get('events/alarms')
  @ApiOkResponse({ type: AlarmDto, isArray: true })
  async alarms(@CurrentUser() user: AuthUser) {
    return this.eventSearch.latestAlarms(user.customerId!);
  }

  private async historyOut(
    scope: { customerId: string; deviceId?: string },
    q: ConnectionHistoryQueryDto,
    res: Response,
  ) {
    const csv = q.format === 'csv';
    const page = await this.telemetry.connectionHistory(scope, q, csv);
    return csv ? sendCsv(res, this.clock.now(), historyCsv(page.items)) : page;
  }
}
