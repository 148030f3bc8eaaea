import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyCreatedDto, ApiKeyDto, CreateApiKeyDto } from './webhooks.dto.js';

function requireOwner(user: AuthUser): void {
  if (user.memberRole !== 'owner' || user.actingUserId)
    throw AppError.forbidden('Only a dealer owner manages API keys');
}

/** A dealer's API keys (API.md "Dealer integrations"); a key is refused on these routes. */
@ApiTags('integrations')
@ApiBearerAuth()
@Allow('dealer')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(@CurrentUser() user: AuthUser) {
    requireOwner(user);
    return this.keys.list(user);
  }

  @Post()
  @ApiCreatedResponse({ type: ApiKeyCreatedDto, description: 'The key is shown only here' })
  @ApiConflictResponse({ description: '700107 at most 20 live keys' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateApiKeyDto, @ClientIp() ip: string | null) {
    requireOwner(user);
    return this.keys.create(user, body.name, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('API key')) id: string,
    @ClientIp() ip: string | null,
  ) {
    requireOwner(user);
    await this.keys.revoke(user, id, ip);
  }
}
