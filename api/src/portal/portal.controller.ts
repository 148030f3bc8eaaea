import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../common/http/page-query.dto.js';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { PortalMessages } from './messages.service.js';

@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalController {
  constructor(private readonly messages: PortalMessages) {}

  /** The customer's messages, newest first (default 10 per page), with the unread count. */
  @Allow('customer')
  @Get('messages')
  list(@CurrentUser() user: AuthUser, @Query() q: PageQueryDto) {
    return this.messages.list(user, q.page ?? 1, q.pageSize ?? 10);
  }

  @Allow('customer')
  @Post('messages/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async read(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Message')) id: string,
  ): Promise<void> {
    await this.messages.markRead(user, id);
  }
}
