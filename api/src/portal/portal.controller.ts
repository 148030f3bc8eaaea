import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MESSAGE_CATEGORIES, type MessageCategory } from '@lc/shared';
import { PageQueryDto } from '../common/http/page-query.dto.js';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { PortalMessages } from './messages.service.js';

export class MessagesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: MESSAGE_CATEGORIES,
    description: 'Only this category (e.g. maintenance history)',
  })
  @IsOptional()
  @IsIn(MESSAGE_CATEGORIES)
  category?: MessageCategory;
}

@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalController {
  constructor(private readonly messages: PortalMessages) {}

  /**
   * The caller's messages, newest first (default 10 per page), with the unread count: account
   * notices (contract holder), announcements for the caller's audience, maintenance history.
   */
  @Allow('customer', 'shared_user', 'dealer')
  @Get('messages')
  list(@CurrentUser() user: AuthUser, @Query() q: MessagesQueryDto) {
    return this.messages.list(user, q.page ?? 1, q.pageSize ?? 10, q.category);
  }

  @Allow('customer', 'shared_user', 'dealer')
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
