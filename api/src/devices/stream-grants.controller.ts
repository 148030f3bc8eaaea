import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { CreateStreamGrantDto, StreamGrantDto } from './dto/stream-grant.dto.js';
import { StreamGrantsService } from './stream-grants.service.js';

/** Short-lived signed grants to watch, play back, download or control a camera (SPEC §8). */
@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class StreamGrantsController {
  constructor(private readonly grants: StreamGrantsService) {}

  @Allow('customer', 'shared_user')
  @Post('cameras/:id/stream-grants')
  @ApiCreatedResponse({ type: StreamGrantDto })
  @ApiForbiddenResponse({
    description:
      '500301 no valid license (details: lastLicense, dealer); 500302 permission missing; 500303 camera not shared; 403002 proxy session',
  })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Camera')) id: string,
    @Body() body: CreateStreamGrantDto,
  ) {
    return this.grants.grant(user, id, body.mode);
  }
}
