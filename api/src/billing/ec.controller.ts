import { Body, Controller, Get, Headers, HttpCode, Post, Put, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, CurrentUser, Public, type AuthUser } from '../common/auth/decorators.js';
import { EcDismissDto, EcSiteDto, EcWebhookDto, EcWebhookResultDto } from './dto/ec.dto.js';
import { EcService } from './ec.service.js';

@ApiTags('billing')
@Controller()
export class EcController {
  constructor(private readonly ec: EcService) {}

  /**
   * Public, but authenticated by the signature of the operator's shop (`EC_WEBHOOK_SECRET`): the
   * body, which names the buying dealer, is validated only after the signature over its raw
   * bytes checks out.
   */
  @Public()
  @Post('ec/webhook')
  @HttpCode(200)
  @ApiHeader({
    name: 'X-Signature',
    required: true,
    description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the shop secret>',
  })
  @ApiBody({ type: EcWebhookDto })
  @ApiOkResponse({ type: EcWebhookResultDto })
  @ApiUnauthorizedResponse({ description: 'EC_SIGNATURE_INVALID or EC_TIMESTAMP_STALE (±5 minutes)' })
  webhook(@Headers('x-signature') signature: string | undefined, @Req() req: Request & { rawBody?: Buffer }) {
    return this.ec.webhook(signature, req.rawBody, req.body as unknown);
  }

  @Allow('dealer')
  @ApiBearerAuth()
  @Get('dealers/me/ec-site')
  @ApiOkResponse({ type: EcSiteDto })
  site(@CurrentUser() user: AuthUser) {
    return this.ec.site(user);
  }

  @Allow('dealer')
  @ApiBearerAuth()
  @Put('dealers/me/ec-site/dismissed')
  @ApiOkResponse({ type: EcSiteDto })
  dismiss(@CurrentUser() user: AuthUser, @Body() body: EcDismissDto) {
    return this.ec.dismiss(user, body.dismissed);
  }
}
