import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import {
  CreateRenewalRequestDto,
  RenewalRequestDto,
  RenewalRequestQueryDto,
} from './dto/renewal-request.dto.js';
import { RenewalRequestsService } from './renewal-requests.service.js';

/** A customer asks its dealer to renew a camera's license; the dealer sees and handles it (SPEC §8). */
@ApiTags('renewal-requests')
@ApiBearerAuth()
@Controller('renewal-requests')
export class RenewalRequestsController {
  constructor(private readonly requests: RenewalRequestsService) {}

  /**
   * The camera's license must end within 90 days or be gone (else 409 300400); one open request per
   * camera (409 300401); note ≤ 500 characters (400 300402). Not inside a proxy session.
   */
  @Allow('customer')
  @Post()
  @ApiCreatedResponse({ type: RenewalRequestDto })
  @ApiConflictResponse({ description: '300400 not due yet, 300401 already requested' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateRenewalRequestDto,
    @ClientIp() ip: string | null,
  ) {
    return this.requests.create(user, body.cameraId, body.note, ip);
  }

  /** The customer's own requests, or (dealer) those of its customers; newest first. */
  @Allow('customer', 'dealer')
  @Get()
  @ApiOkResponse({ type: [RenewalRequestDto] })
  list(@CurrentUser() user: AuthUser, @Query() q: RenewalRequestQueryDto) {
    return this.requests.list(user, q.status);
  }

  /** The dealer marks a request handled (409 300403 when it already is). */
  @Allow('dealer')
  @Post(':id/handle')
  @HttpCode(200)
  @ApiOkResponse({ type: RenewalRequestDto })
  @ApiConflictResponse({ description: '300403 already handled' })
  handle(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Renewal request')) id: string,
    @ClientIp() ip: string | null,
  ) {
    return this.requests.handle(user, id, ip);
  }
}
