import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { PageQueryDto } from '../common/http/page-query.dto.js';
import { AccountExtrasService } from './account-extras.service.js';
import { AnnouncementsService } from './announcements.service.js';
import {
  AcceptTermsDto,
  AnnouncementCreatedDto,
  ContractHolderNameDto,
  CreateAnnouncementDto,
} from './dto/announcement.dto.js';

/** Announcements (operator), help, contract-holder name, terms of use. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller()
export class PortalExtrasController {
  constructor(
    private readonly announcements: AnnouncementsService,
    private readonly extras: AccountExtrasService,
  ) {}

  @Allow('operator')
  @Post('announcements')
  @ApiCreatedResponse({ type: AnnouncementCreatedDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAnnouncementDto) {
    return this.announcements.create(user, dto);
  }

  @Allow('operator')
  @Get('announcements')
  list(@Query() q: PageQueryDto) {
    return this.announcements.list(q.page ?? 1, q.pageSize ?? 20);
  }

  /** Service version and manual links (seed 001 §5.8.1). */
  @Allow('operator', 'dealer', 'customer', 'shared_user')
  @Get('help')
  help() {
    return this.extras.help();
  }

  /** The contract holder changes its name (seed 001 §6.1); also in a proxy session, audited. */
  @Allow('customer')
  @Put('portal/contract-holder')
  @ApiOkResponse()
  rename(@CurrentUser() user: AuthUser, @Body() dto: ContractHolderNameDto) {
    return this.extras.renameContractHolder(user, dto.name);
  }

  /** The current terms-of-use version and whether the caller must still accept it. */
  @Allow('operator', 'dealer', 'customer', 'shared_user')
  @Get('terms')
  terms(@CurrentUser() user: AuthUser) {
    return this.extras.terms(user);
  }

  @Allow('dealer', 'customer')
  @Post('terms/accept')
  @HttpCode(200)
  @ApiOkResponse()
  accept(@CurrentUser() user: AuthUser, @Body() dto: AcceptTermsDto) {
    return this.extras.acceptTerms(user, dto.version);
  }
}
