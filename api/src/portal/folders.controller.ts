import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import {
  CreateFolderDto,
  FavoritesDto,
  FolderDevicesDto,
  FolderDto,
  UpdateFolderDto,
} from './dto/folder.dto.js';
import { FavoritesService } from './favorites.service.js';
import { FoldersService } from './folders.service.js';

/** Device folders (seed 001 §4.4) and favorite cameras (§5.5) of the portal. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller()
export class FoldersController {
  constructor(
    private readonly folders: FoldersService,
    private readonly favorites: FavoritesService,
  ) {}

  @Allow('customer', 'shared_user')
  @Get('folders')
  @ApiOkResponse({ type: [FolderDto], description: 'A shared user sees the folders holding their cameras' })
  list(@CurrentUser() user: AuthUser) {
    return this.folders.list(user);
  }

  @Allow('customer')
  @Post('folders')
  @ApiCreatedResponse({ type: FolderDto })
  @ApiBadRequestResponse({ description: '500304 a fourth level; 500305 the parent holds 100 entries' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateFolderDto) {
    return this.folders.create(user, body);
  }

  @Allow('customer')
  @Patch('folders/:id')
  @ApiOkResponse({ type: FolderDto, description: 'Rename or move' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Folder')) id: string,
    @Body() body: UpdateFolderDto,
  ) {
    return this.folders.update(user, id, body);
  }

  @Allow('customer')
  @Put('folders/:id/devices')
  @ApiOkResponse({ type: FolderDto })
  @ApiBadRequestResponse({ description: '500305 more than 100 entries (devices + subfolders)' })
  setDevices(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Folder')) id: string,
    @Body() body: FolderDevicesDto,
  ) {
    return this.folders.setDevices(user, id, body.deviceIds);
  }

  @Allow('customer')
  @Delete('folders/:id/devices/:deviceId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The device is back at the top level' })
  async removeDevice(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Folder')) id: string,
    @Param('deviceId', new ParseIdPipe('Device')) deviceId: string,
  ): Promise<void> {
    await this.folders.removeDevice(user, id, deviceId);
  }

  @Allow('customer')
  @Delete('folders/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Its devices and subfolders move up one level' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Folder')) id: string,
  ): Promise<void> {
    await this.folders.remove(user, id);
  }

  @Allow('customer', 'shared_user')
  @Get('favorites')
  @ApiOkResponse({ type: FavoritesDto })
  listFavorites(@CurrentUser() user: AuthUser) {
    return this.favorites.list(user);
  }

  @Allow('customer', 'shared_user')
  @Put('favorites/:cameraId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async addFavorite(
    @CurrentUser() user: AuthUser,
    @Param('cameraId', new ParseIdPipe('Camera')) cameraId: string,
  ): Promise<void> {
    await this.favorites.add(user, cameraId);
  }

  @Allow('customer', 'shared_user')
  @Delete('favorites/:cameraId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeFavorite(
    @CurrentUser() user: AuthUser,
    @Param('cameraId', new ParseIdPipe('Camera')) cameraId: string,
  ): Promise<void> {
    await this.favorites.remove(user, cameraId);
  }
}
