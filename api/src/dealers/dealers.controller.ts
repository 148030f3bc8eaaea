import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { AppError } from '../common/errors/app-error.js';
import { DealersService } from './dealers.service.js';
import { MembersService } from './members.service.js';
import { CreateDealerDto, UpdateDealerDto } from './dto/create-dealer.dto.js';
import { CreatedDealerDto, DealerDto, DealerPageDto, ListDealersQueryDto } from './dto/dealer-views.dto.js';
import { MaintenanceContactsDto, UpdateMaintenanceContactsDto } from './dto/maintenance-contacts.dto.js';
import { ChangeMemberRoleDto, InviteMemberDto, MemberDto } from './dto/member.dto.js';

@ApiTags('dealers')
@ApiBearerAuth()
@Controller('dealers')
export class DealersController {
  constructor(
    private readonly dealers: DealersService,
    private readonly members: MembersService,
  ) {}

  /** The operator creates primary dealers; a primary dealer (owner, manager) its secondary dealers. */
  @Allow('operator', 'dealer')
  @Post()
  @ApiCreatedResponse({ type: CreatedDealerDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDealerDto, @ClientIp() ip: string | null) {
    return this.dealers.create(user, body, ip);
  }

  /** The operator: every dealer; a primary dealer: its secondary dealers. */
  @Allow('operator', 'dealer')
  @Get()
  @ApiOkResponse({ type: DealerPageDto })
  list(@CurrentUser() user: AuthUser, @Query() q: ListDealersQueryDto) {
    return this.dealers.list(user, q);
  }

  @Allow('dealer')
  @Get('me')
  @ApiOkResponse({ type: DealerDto })
  me(@CurrentUser() user: AuthUser) {
    return this.dealers.get(user, user.dealerId!);
  }

  /** Owner or manager; every change e-mails "account information changed". */
  @Allow('dealer')
  @Patch('me')
  @ApiOkResponse({ type: DealerDto })
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateDealerDto, @ClientIp() ip: string | null) {
    return this.dealers.updateMe(user, body, ip);
  }

  @Allow('dealer')
  @Get('me/maintenance-contacts')
  @ApiOkResponse({ type: MaintenanceContactsDto })
  maintenanceContacts(@CurrentUser() user: AuthUser) {
    return this.dealers.maintenanceContacts(user);
  }

  /** Owner or manager: at most 5 e-mails (600103), no duplicates (600104); e-mails "account information changed". */
  @Allow('dealer')
  @Put('me/maintenance-contacts')
  @ApiOkResponse({ type: MaintenanceContactsDto })
  setMaintenanceContacts(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateMaintenanceContactsDto,
    @ClientIp() ip: string | null,
  ) {
    return this.dealers.setMaintenanceContacts(user, body, ip);
  }

  @Allow('dealer')
  @Get('me/members')
  @ApiOkResponse({ type: [MemberDto] })
  listMembers(@CurrentUser() user: AuthUser) {
    return this.members.list(user);
  }

  /** Owner or manager: e-mails an invitation (valid 72 hours; accept with POST /api/auth/accept-invitation). */
  @Allow('dealer')
  @Post('me/members')
  @ApiCreatedResponse({ type: MemberDto })
  invite(@CurrentUser() user: AuthUser, @Body() body: InviteMemberDto, @ClientIp() ip: string | null) {
    return this.members.invite(user, body, ip);
  }

  @Allow('dealer')
  @Patch('me/members/:id')
  @ApiOkResponse({ type: MemberDto })
  changeRole(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Member')) id: string,
    @Body() body: ChangeMemberRoleDto,
    @ClientIp() ip: string | null,
  ) {
    return this.members.changeRole(user, id, body.role, ip);
  }

  @Allow('dealer')
  @Delete('me/members/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Member')) id: string,
    @ClientIp() ip: string | null,
  ): Promise<void> {
    await this.members.remove(user, id, ip);
  }

  @Allow('dealer')
  @Post('me/members/:id/resend-invitation')
  @HttpCode(204)
  @ApiNoContentResponse()
  async resend(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Member')) id: string,
    @ClientIp() ip: string | null,
  ): Promise<void> {
    await this.members.resendInvitation(user, id, ip);
  }

  /** The operator: any dealer; a dealer: itself or its secondary dealers (others: 404). */
  @Allow('operator', 'dealer')
  @Get(':id')
  @ApiOkResponse({ type: DealerDto })
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Dealer')) id: string) {
    if (user.role !== 'operator' && !user.dealerId) throw AppError.notFound('Dealer');
    return this.dealers.get(user, id);
  }
}
