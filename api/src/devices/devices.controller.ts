import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@lc/shared';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { AppError } from '../common/errors/app-error.js';
import { requireSharedPermission, sharedCameraIds, treeForSharedUser } from '../customers/shared-access.js';
import { CommandsService } from './commands.service.js';
import { BulkCommandsService } from './bulk-commands.service.js';
import { BulkCommandAnswerDto, BulkCommandDto } from './dto/bulk-commands.dto.js';
import { DevicesService } from './devices.service.js';
import { CamerasService } from './cameras.service.js';
import { DeviceLifecycleService } from './lifecycle.service.js';
import {
  CameraViewDto,
  CreateCommandDto,
  DeviceCommandDto,
  DeleteDeviceDto,
  DeletionImpactDto,
  DevicesQueryDto,
  DeviceViewDto,
  ExchangeDeviceDto,
  ExchangeResultDto,
  FirmwareReservationDto,
  TransferLicenseDto,
  TransferredLicenseDto,
  UpdateCameraDto,
} from './dto/device.dto.js';

/**
 * The customer's devices (also in a proxy session); a dealer reads its customers' trees; a shared
 * user reads only the devices with a camera shared with them, and only those cameras.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly cameras: CamerasService,
    private readonly lifecycle: DeviceLifecycleService,
    private readonly commands: CommandsService,
    private readonly ds: DataSource,
    private readonly bulk: BulkCommandsService,
  ) {}

  /** A shared user's view: the tree cut down to their cameras (fresh from the database each time). */
  private async forSharedUser<T extends { cameras: Array<{ id: string }> }>(
    user: AuthUser,
    tree: T[],
  ): Promise<T[]> {
    if (user.role !== 'shared_user') return tree;
    return treeForSharedUser(tree, new Set(await sharedCameraIds(this.ds.manager, user.id)));
  }

  @Allow('customer', 'dealer', 'shared_user')
  @Get('devices')
  @ApiOkResponse({
    type: DeviceViewDto,
    isArray: true,
    description: 'Recorders → cameras with license status',
  })
  async list(@CurrentUser() user: AuthUser, @Query() q: DevicesQueryDto) {
    return this.forSharedUser(
      user,
      await this.devices.list(await this.devices.customerScope(user, q.customerId)),
    );
  }

  @Allow('customer', 'dealer', 'shared_user')
  @Get('devices/:id')
  @ApiOkResponse({ type: DeviceViewDto })
  @ApiNotFoundResponse()
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Query() q: DevicesQueryDto,
  ) {
    const d = await this.devices.device(await this.devices.customerScope(user, q.customerId), id);
    const [visible] = await this.forSharedUser(user, [d]);
    if (!visible) throw AppError.notFound('Device');
    return visible;
  }

  @Allow('customer')
  @Get('devices/:id/deletion-impact')
  @ApiOkResponse({ type: DeletionImpactDto, description: 'Licenses voided and days forfeited by deletion' })
  deletionImpact(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Device')) id: string) {
    return this.lifecycle.deletionImpact(user.customerId!, id);
  }

  @Allow('customer')
  @Delete('devices/:id')
  @HttpCode(200)
  @ApiOkResponse({ type: DeletionImpactDto, description: 'What was forfeited' })
  remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Body() body: DeleteDeviceDto,
  ) {
    return this.lifecycle.delete(user, id, body.password);
  }

  @Allow('customer')
  @Post('devices/:id/exchange')
  @ApiCreatedResponse({ type: ExchangeResultDto })
  @ApiConflictResponse({ description: '500101 serial of another customer; 500106 same serial or other type' })
  exchange(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Body() body: ExchangeDeviceDto,
  ) {
    return this.lifecycle.exchange(user, id, body);
  }

  /** The same command for several recorders; a result per device (seed 001 §4.2.10–4.2.11). */
  @Allow('customer')
  @Post('devices/bulk-commands')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkCommandAnswerDto })
  bulkCommands(@CurrentUser() user: AuthUser, @Body() body: BulkCommandDto) {
    return this.bulk.run(user, body);
  }

  @Allow('customer')
  @Post('devices/:id/commands')
  @ApiCreatedResponse({ type: DeviceCommandDto, description: 'Delivered with the device’s next heartbeat' })
  @ApiBadRequestResponse({ description: '500202 not supported by this device type; 50401 time in the past' })
  @ApiForbiddenResponse({
    description: '500201 the device is not licensed (SPEC §3: recorder ≥ 1 licensed camera)',
  })
  @ApiConflictResponse({ description: '500203 firmware update already started' })
  createCommand(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Body() body: CreateCommandDto,
  ) {
    return this.commands.create(user, id, body);
  }

  /** Reserve or change the firmware update (recorders only); overwrites a pending reservation. */
  @Allow('customer')
  @Put('devices/:id/firmware-reservation')
  @ApiOkResponse({ type: DeviceCommandDto, description: 'The new reservation; a pending one is cancelled' })
  @ApiBadRequestResponse({ description: '500202 not a recorder; 50401 time in the past' })
  @ApiForbiddenResponse({ description: '500201 no licensed camera (SPEC §3)' })
  @ApiConflictResponse({ description: '500203 the device has started the update' })
  reserveFirmware(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Device')) id: string,
    @Body() body: FirmwareReservationDto,
  ) {
    return this.commands.create(user, id, { kind: 'firmware_update', at: body.at, payload: body.payload });
  }

  /** Cancel the firmware-update reservation. */
  @Allow('customer')
  @Delete('devices/:id/firmware-reservation')
  @HttpCode(200)
  @ApiOkResponse({ type: DeviceCommandDto, description: 'The cancelled reservation' })
  @ApiNotFoundResponse({ description: '500204 nothing reserved' })
  @ApiConflictResponse({ description: '500203 the device has started the update' })
  cancelFirmware(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Device')) id: string) {
    return this.commands.cancelReservation(user, id);
  }

  @Allow('customer')
  @Get('devices/:id/commands')
  @ApiOkResponse({ type: DeviceCommandDto, isArray: true, description: 'Newest first, at most 100' })
  listCommands(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Device')) id: string) {
    return this.commands.list(user.customerId!, id);
  }

  @Allow('customer', 'dealer', 'shared_user')
  @Get('cameras/:id')
  @ApiOkResponse({ type: CameraViewDto })
  async camera(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Camera')) id: string,
    @Query() q: DevicesQueryDto,
  ) {
    const c = await this.devices.camera(await this.devices.customerScope(user, q.customerId), id);
    if (user.role === 'shared_user' && !(await sharedCameraIds(this.ds.manager, user.id)).includes(c.id)) {
      throw AppError.notFound('Camera');
    }
    return c;
  }

  /** A shared user with "camera settings" may rename a shared camera; "do not license" is never theirs. */
  @Allow('customer', 'shared_user')
  @Patch('cameras/:id')
  @ApiOkResponse({ type: CameraViewDto })
  async updateCamera(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Camera')) id: string,
    @Body() body: UpdateCameraDto,
  ) {
    if (user.role === 'shared_user') {
      await requireSharedPermission(this.ds.manager, user, 'cameraSettings');
      if (!(await sharedCameraIds(this.ds.manager, user.id)).includes(id)) {
        throw AppError.forbidden('cameraId: this camera is not shared with you', ErrorCode.CAMERA_NOT_SHARED);
      }
      if (body.doNotLicense !== undefined) {
        throw AppError.forbidden(
          'doNotLicense: license settings are the contract holder’s',
          ErrorCode.FORBIDDEN,
        );
      }
    }
    return this.cameras.updateCamera(user, id, body);
  }

  @Allow('customer')
  @Post('licenses/:id/transfer')
  @HttpCode(200)
  @ApiOkResponse({ type: TransferredLicenseDto })
  @ApiConflictResponse({ description: '500103 target licensed; 500104 kind mismatch; 500105 not bound' })
  transfer(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('License')) id: string,
    @Body() body: TransferLicenseDto,
  ) {
    return this.cameras.transfer(user, id, body);
  }
}
