import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Allow, ClientIp, Public } from '../common/auth/decorators.js';
import { AppError } from '../common/errors/app-error.js';
import type { AuthDevice } from './credentials.js';
import { CurrentDevice } from './current-device.js';
import { DeviceApiService } from './device-api.service.js';
import { DeviceRegistrationService } from './registration.service.js';
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
    private readonly registration: DeviceRegistrationService,
    private readonly api: DeviceApiService,
    private readonly keys: SigningKeysService,
  ) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: DeviceRegistrationDto })
  @ApiUnauthorizedResponse({
    description:
      '400224: e-mail or password wrong; 401006: initial password expired. Also 403001 (initial password not changed yet), 423 400225 (locked), 429 (too many failures from this address)',
  })
  @ApiConflictResponse({
    description: '500101: serial registered to another customer; 500102: camera-direct limit reached',
  })
  register(@Body() body: RegisterDeviceDto, @ClientIp() ip: string | null) {
    return this.registration.register(body, ip);
  }

  @Public()
  @Get('keys')
  @ApiOkResponse({ type: SigningKeyDto, isArray: true, description: 'Current key first, retired keys too' })
  keysList() {
    return this.keys.list();
  }

  @Allow('device')
  @Get('entitlements')
  @ApiOkResponse({
    type: EntitlementsDocumentDto,
    headers: { ETag: { description: 'The version, quoted: "<version>"', schema: { type: 'string' } } },
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current version' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag of this route ("<version>")' })
  @ApiQuery({
    name: 'waitForVersion',
    required: false,
    type: Number,
    description: 'Long-poll: answer once the version differs from this one (or at the timeout)',
  })
  @ApiQuery({ name: 'timeoutSeconds', required: false, type: Number, description: '1–55, default 25' })
  async entitlements(
    @CurrentDevice() device: AuthDevice,
    @Res() res: Response,
    @Headers('if-none-match') ifNoneMatch?: string,
    @Query('waitForVersion') waitForVersion?: string,
    @Query('timeoutSeconds') timeoutSeconds?: string,
  ): Promise<void> {
    const doc = await this.document(device, waitForVersion, timeoutSeconds);
    // The signed bytes as cached; ETag = version (a version never repeats for a device).
    const etag = `"${doc.version}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    const tags = (ifNoneMatch ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (tags.includes(etag) || tags.includes('*')) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/json').send(doc.body);
  }

  private document(device: AuthDevice, waitForVersion?: string, timeoutSeconds?: string) {
    if (waitForVersion === undefined) return this.api.entitlements(device);
    const known = Number(waitForVersion);
    if (!Number.isSafeInteger(known) || known < 0) {
      throw AppError.validation('waitForVersion', 'must be a whole number of 0 or more');
    }
    const seconds = timeoutSeconds === undefined ? 25 : Number(timeoutSeconds);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 55) {
      throw AppError.validation('timeoutSeconds', 'must be a whole number from 1 to 55');
    }
    return this.api.entitlementsAfter(device, known, seconds * 1000);
  }

  @Allow('device')
  @Post('heartbeat')
  @HttpCode(200)
  @ApiOkResponse({ type: HeartbeatResultDto })
  heartbeat(@CurrentDevice() device: AuthDevice, @Body() body: HeartbeatDto) {
    return this.api.heartbeat(device, body);
  }
}
