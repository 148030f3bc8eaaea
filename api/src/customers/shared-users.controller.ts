import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import {
  CameraSharedUsersDto,
  CameraSharedUsersViewDto,
  CreatedSharedUserDto,
  CreateSharedUserDto,
  DeleteSharedUserDto,
  SharedCamerasDto,
  SharedUserDto,
  UpdateSharedUserDto,
} from './dto/shared-user.dto.js';
import { SharedUsersService } from './shared-users.service.js';

/** The contract holder's shared users and camera sharing (SPEC §5, §8; API.md "Core portal"). */
@ApiTags('shared-users')
@ApiBearerAuth()
@Controller()
export class SharedUsersController {
  constructor(private readonly shared: SharedUsersService) {}

  @Allow('customer')
  @Get('shared-users')
  @ApiOkResponse({ type: [SharedUserDto] })
  list(@CurrentUser() user: AuthUser) {
    return this.shared.list(user.customerId!);
  }

  @Allow('customer')
  @Post('shared-users')
  @ApiCreatedResponse({ type: CreatedSharedUserDto, description: 'E-mails a shared-user-invitation' })
  @ApiBadRequestResponse({ description: '400249 name missing; 400250 name longer than 32' })
  @ApiConflictResponse({ description: '400229 e-mail already registered; 500007 SHARED_USER_LIMIT reached' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSharedUserDto) {
    return this.shared.create(user, body);
  }

  @Allow('customer')
  @Patch('shared-users/:id')
  @ApiOkResponse({ type: SharedUserDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Shared user')) id: string,
    @Body() body: UpdateSharedUserDto,
  ) {
    return this.shared.update(user, id, body);
  }

  @Allow('customer')
  @Put('shared-users/:id/cameras')
  @ApiOkResponse({ type: SharedUserDto })
  setCameras(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Shared user')) id: string,
    @Body() body: SharedCamerasDto,
  ) {
    return this.shared.setCameras(user, id, body.cameraIds);
  }

  @Allow('customer')
  @Delete('shared-users/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; their sessions have ended' })
  @ApiBadRequestResponse({ description: '400224 the contract holder’s password is wrong' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Shared user')) id: string,
    @Body() body: DeleteSharedUserDto,
  ): Promise<void> {
    await this.shared.remove(user, id, body.password);
  }

  @Allow('customer')
  @Get('cameras/:id/shared-users')
  @ApiOkResponse({ type: CameraSharedUsersViewDto, description: 'Shared users who see this camera' })
  cameraSharing(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Camera')) id: string) {
    return this.shared.cameraSharing(user.customerId!, id);
  }

  @Allow('customer')
  @Put('cameras/:id/shared-users')
  @ApiOkResponse({ type: CameraSharedUsersViewDto })
  setCameraSharing(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Camera')) id: string,
    @Body() body: CameraSharedUsersDto,
  ) {
    return this.shared.setCameraUsers(user, id, body.userIds);
  }
}
