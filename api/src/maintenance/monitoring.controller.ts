import { Body, Controller, Delete, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { csvDisposition, sendCsv, toCsv } from '../common/http/csv.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { DeviceCommandDto } from '../devices/dto/device.dto.js';
import {
  ConnectionHistoryPageDto,
  ConnectionHistoryQueryDto,
  DeviceLogPageDto,
  DeviceLogQueryDto,
} from '../devices/dto/telemetry.dto.js';
import { DeviceTelemetryService, historyCsv, logsCsv } from '../devices/telemetry.service.js';
import {
  MaintenanceCustomerDto,
  MaintenanceDeviceDetailDto,
  MaintenanceDeviceItemDto,
  MaintenanceDevicePageDto,
  MaintenanceDevicesPageQueryDto,
  MaintenanceDevicesQueryDto,
  MaintenanceOperationDto,
} from './dto/maintenance.dto.js';
import { MonitoringService } from './monitoring.service.js';

const CSV_HEADER = [
  'deviceId',
  'customerId',
  'customerName',
  'name',
  'type',
  'serial',
  'model',
  'firmware',
  'status',
  'lastSeenAt',
  'cameras',
  'licensedCameras',
] as const;

/** The maintaining dealer's monitoring (seed 004 §1-4): only devices linked to it. */
@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('maintenance')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly telemetry: DeviceTelemetryService,
    private readonly clock: Clock,
  ) {}

  /** API.md: every device linked to this dealer (filters optional). */
  @Allow('dealer')
  @Get('devices')
  @ApiOkResponse({ type: [MaintenanceDeviceItemDto] })
  list(@CurrentUser() user: AuthUser, @Query() q: MaintenanceDevicesQueryDto) {
    return this.monitoring.list(user.dealerId!, q);
  }

  /** The same list, paged on the server. */
  @Allow('dealer')
  @Get('devices/page')
  @ApiOkResponse({ type: MaintenanceDevicePageDto })
  page(@CurrentUser() user: AuthUser, @Query() q: MaintenanceDevicesPageQueryDto) {
    return this.monitoring.page(user.dealerId!, q);
  }

  /** The same filter as CSV (UTF-8 with BOM). */
  @Allow('dealer')
  @Get('devices/export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() q: MaintenanceDevicesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const items = await this.monitoring.list(user.dealerId!, q);
    res.setHeader('Content-Disposition', csvDisposition('maintenance-devices', this.clock.now()));
    return toCsv(
      CSV_HEADER,
      items.map((i) => CSV_HEADER.map((k) => i[k])),
    );
  }

  /** Customers that linked devices to this dealer. */
  @Allow('dealer')
  @Get('customers')
  @ApiOkResponse({ type: [MaintenanceCustomerDto] })
  customers(@CurrentUser() user: AuthUser) {
    return this.monitoring.customers(user.dealerId!);
  }

  @Allow('dealer')
  @Get('devices/:id')
  @ApiOkResponse({ type: MaintenanceDeviceDetailDto })
  @ApiNotFoundResponse({ description: 'Not linked to this dealer (or no such device)' })
  detail(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Device')) id: string) {
    return this.monitoring.detail(user.dealerId!, id);
  }

  @Allow('dealer')
  @Get('devices/:id/commands')
  @ApiOkResponse({ type: [DeviceCommandDto] })
  @ApiForbiddenResponse({ description: '500201 no licensed camera (SPEC §3: remote maintenance)' })
  async commands(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @ClientIp() ip: string | null,
  ) {
    await this.monitoring.authorizeRead(user, id, 'commands', ip);
    return this.monitoring.commands(user.dealerId!, id);
  }

  /** Cancel the firmware-update reservation of a linked device. */
  @Allow('dealer')
  @Delete('devices/:id/firmware-reservation')
  @ApiOkResponse({ type: DeviceCommandDto, description: 'The cancelled reservation' })
  @ApiNotFoundResponse({ description: '500204 nothing reserved; or not linked' })
  @ApiConflictResponse({ description: '500203 the device has started the update' })
  cancelFirmware(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @ClientIp() ip: string | null,
  ) {
    return this.monitoring.cancelReservation(user, id, ip);
  }

  /** Restart, alarm reset, error recovery, firmware reservation — only while licensed (409 600105). */
  @Allow('dealer')
  @Post('devices/:id/commands')
  @ApiCreatedResponse({ type: DeviceCommandDto })
  @ApiConflictResponse({ description: '600105 no licensed camera (SPEC §3)' })
  operate(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Body() body: MaintenanceOperationDto,
    @ClientIp() ip: string | null,
  ) {
    return this.monitoring.operate(user, id, body, ip);
  }

  /** Connection history of a linked device (50 per page; `format=csv` for all; `customerId` is ignored). */
  @Allow('dealer')
  @Get('devices/:id/connection-history')
  @ApiOkResponse({ type: ConnectionHistoryPageDto })
  @ApiProduces('application/json', 'text/csv')
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: '500201 no licensed camera (SPEC §3: remote maintenance)' })
  async history(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Query() q: ConnectionHistoryQueryDto,
    @Res({ passthrough: true }) res: Response,
    @ClientIp() ip: string | null,
  ) {
    await this.monitoring.authorizeRead(user, id, 'connection-history', ip);
    const csv = q.format === 'csv';
    const page = await this.telemetry.connectionHistory({ deviceId: id }, q, csv);
    return csv ? sendCsv(res, this.clock.now(), historyCsv(page.items)) : page;
  }

  /** Device logs of a linked device (`kind` error|access|operation|network; `format=csv` for all). */
  @Allow('dealer')
  @Get('devices/:id/logs')
  @ApiOkResponse({ type: DeviceLogPageDto })
  @ApiProduces('application/json', 'text/csv')
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: '500201 no licensed camera (SPEC §3: remote maintenance)' })
  async logs(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Query() q: DeviceLogQueryDto,
    @Res({ passthrough: true }) res: Response,
    @ClientIp() ip: string | null,
  ) {
    await this.monitoring.authorizeRead(user, id, 'logs', ip);
    const csv = q.format === 'csv';
    const page = await this.telemetry.logs({ deviceId: id }, q, csv);
    return csv ? sendCsv(res, this.clock.now(), logsCsv(page.items)) : page;
  }
}
