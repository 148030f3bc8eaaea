import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Allow, Public } from '../common/auth/decorators.js';
import type { AuthDevice } from './credentials.js';
import { CurrentDevice } from './current-device.js';
import { DeviceApiService } from './device-api.service.js';
import { DevicesService } from './devices.service.js';
import {
  DeviceRegistrationDto,
  EntitlementsDocumentDto,
  HeartbeatDto,
  HeartbeatResultDto,
  RegisterDeviceDto,
  SigningKeyDto,
} from './dto/register-device.dto.js';
import { SigningKeysService } from './signing-keys.service.js';

/** The device protocol (API.md "Devices"). */
@ApiTags('device')
@Controller('device')
export class DeviceApiController {
  constructor(
    private readonly devices: DevicesService,
    private readonly api: DeviceApiService,
    private readonly keys: SigningKeysService,
  ) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: DeviceRegistrationDto })
  @ApiUnauthorizedResponse({ description: '400224: e-mail or password wrong' })
  @ApiConflictResponse({
    description: '500101: serial registered to another customer; 500102: camera-direct limit reached',
  })
  register(@Body() body: RegisterDeviceDto) {
    return this.devices.register(body);
  }

  @Public()
  @Get('keys')
  @ApiOkResponse({ type: SigningKeyDto, isArray: true, description: 'Current key first, retired keys too' })
  keysList() {
    return this.keys.list();
  }

  @Allow('device')
  @Get('entitlements')
  @ApiOkResponse({ type: EntitlementsDocumentDto })
  entitlements(@CurrentDevice() device: AuthDevice) {
    return this.api.entitlements(device);
  }

  @Allow('device')
  @Post('heartbeat')
  @HttpCode(200)
  @ApiOkResponse({ type: HeartbeatResultDto })
  heartbeat(@CurrentDevice() device: AuthDevice, @Body() body: HeartbeatDto) {
    return this.api.heartbeat(device, body);
  }
}
