import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@lc/shared';
import { Allow, CurrentUser, Public, type AuthUser } from '../common/auth/decorators.js';
import { AccountService } from './account.service.js';
import {
  AcceptInvitationDto,
  ChangeEmailDto,
  ForgotPasswordDto,
  ResetPasswordDto,
  SetPasswordDto,
  TokenDto,
} from './dto/account.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(private readonly accounts: AccountService) {}

  @Public()
  @Post('accept-invitation')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; sign in with the e-mail (or the dealer login ID)' })
  async acceptInvitation(@Body() body: AcceptInvitationDto): Promise<void> {
    await this.accounts.acceptInvitation(body.token, body.password, body.name);
  }

  @Public()
  @Post('set-password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The link e-mailed to a customer at handover (valid 24 hours)' })
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    await this.accounts.setPassword(body.token, body.password);
  }

  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Always 202; a known address gets a 6-digit code and a link' })
  async forgotPassword(@Body() body: ForgotPasswordDto): Promise<void> {
    await this.accounts.forgotPassword(body.email);
  }

  @Public()
  @Post('reset-password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '`{email, code, password}` or `{token, password}`; all sessions end' })
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.accounts.resetPassword(body);
  }

  @Allow(...ROLES)
  @ApiBearerAuth()
  @Post('change-email')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A confirmation link was sent to the new address (valid 24 hours)' })
  async changeEmail(@CurrentUser() user: AuthUser, @Body() body: ChangeEmailDto): Promise<void> {
    await this.accounts.changeEmail(user, body.password, body.newEmail);
  }

  @Public()
  @Post('confirm-email')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new address is in force; every session of the user ended' })
  async confirmEmail(@Body() body: TokenDto): Promise<void> {
    await this.accounts.confirmEmail(body.token);
  }
}
