import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { DeactivationService } from './deactivation.service.js';
import { DeactivateAccountDto, DeactivationImpactDto } from './dto/deactivation.dto.js';

/** The contract holder ends the account (SPEC §2, §8); refused inside a proxy session. */
@ApiTags('account')
@ApiBearerAuth()
@Controller('account')
export class DeactivationController {
  constructor(private readonly deactivation: DeactivationService) {}

  @Allow('customer')
  @Get('deactivation-impact')
  @ApiOkResponse({ type: DeactivationImpactDto })
  impact(@CurrentUser() user: AuthUser): Promise<DeactivationImpactDto> {
    return this.deactivation.impact(user);
  }

  @Allow('customer')
  @Post('deactivate')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Devices and cameras deleted, every assigned or bound license void (no refund), users deactivated and signed out',
  })
  async deactivate(@CurrentUser() user: AuthUser, @Body() body: DeactivateAccountDto): Promise<void> {
    await this.deactivation.deactivate(user, body);
  }
}
