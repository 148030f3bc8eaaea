import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@lc/shared';
import {
  Allow,
  AllowDuringPasswordChange,
  ClientIp,
  CurrentUser,
  Public,
  UserAgent,
  type AuthUser,
} from '../common/auth/decorators.js';
import { AppConfig } from '../common/config/config.js';
import { AuthService } from './auth.service.js';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponseDto,
  PublicConfigDto,
  RefreshDto,
  SessionUserDto,
  UpdateMeDto,
} from './dto/auth.dto.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto, @ClientIp() ip: string | null, @UserAgent() ua: string | null) {
    return this.auth.login(body.login, body.password, ip, ua);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Allow(...ROLES)
  @AllowDuringPasswordChange()
  @ApiBearerAuth()
  @Get('auth/me')
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @Allow(...ROLES)
  @AllowDuringPasswordChange()
  @ApiBearerAuth()
  @Patch('auth/me')
  @ApiOkResponse({ type: SessionUserDto })
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto) {
    return this.auth.updateMe(user, body);
  }

  @Allow(...ROLES)
  @AllowDuringPasswordChange()
  @ApiBearerAuth()
  @Post('auth/change-password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Public()
  @Get('config/public')
  @ApiOkResponse({ type: PublicConfigDto })
  publicConfig(): PublicConfigDto {
    return {
      appEnv: this.config.appEnv,
      devSurface: this.config.devSurface,
      idleTimeoutMinutes: this.config.idleTimeoutMinutes,
    };
  }
}
