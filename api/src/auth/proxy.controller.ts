import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Allow, ClientIp, CurrentUser, UserAgent, type AuthUser } from '../common/auth/decorators.js';
import { OpenProxySessionDto, ProxySessionCreatedDto } from './dto/proxy.dto.js';
import { ProxyService } from './proxy.service.js';

@ApiTags('proxy-sessions')
@ApiBearerAuth()
@Controller('proxy-sessions')
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  /** A dealer member acts as one of its own customers (others: 404). Default 30 minutes, at most 8 hours. */
  @Allow('dealer')
  @Post()
  @ApiCreatedResponse({ type: ProxySessionCreatedDto })
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: OpenProxySessionDto,
    @ClientIp() ip: string | null,
    @UserAgent() ua: string | null,
  ) {
    return this.proxy.open(user, body, ip, ua);
  }

  /** Ends the proxy session the token belongs to. */
  @Allow('customer')
  @Delete('current')
  @HttpCode(204)
  @ApiNoContentResponse()
  async close(@CurrentUser() user: AuthUser, @ClientIp() ip: string | null): Promise<void> {
    await this.proxy.close(user, ip);
  }
}
