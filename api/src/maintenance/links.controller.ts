import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { CreateMaintenanceLinkDto, MaintenanceLinkDto } from './dto/maintenance.dto.js';
import { LinksService } from './links.service.js';

/** The customer's links of its devices to maintaining dealers (seed 004 §1-1, §1-3). */
@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('maintenance-links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Allow('customer')
  @Get()
  @ApiOkResponse({ type: [MaintenanceLinkDto] })
  list(@CurrentUser() user: AuthUser) {
    return this.links.list(user.customerId!);
  }

  /**
   * Dealer login ID and phone (digits compared) must match one dealer, else 400 600101 (which one
   * is wrong is not said); 5 failures in 15 minutes → 429 600102. Not inside a proxy session.
   */
  @Allow('customer')
  @Post()
  @ApiCreatedResponse({ type: MaintenanceLinkDto })
  @ApiBadRequestResponse({ description: '600101 no dealer with this login ID and phone' })
  @ApiTooManyRequestsResponse({ description: '600102 too many failed attempts' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateMaintenanceLinkDto,
    @ClientIp() ip: string | null,
  ) {
    return this.links.create(user, body, ip);
  }

  @Allow('customer')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Maintenance link')) id: string,
    @ClientIp() ip: string | null,
  ): Promise<void> {
    await this.links.remove(user, id, ip);
  }
}
