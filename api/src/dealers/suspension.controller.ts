import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { DealerDto } from './dto/dealer-views.dto.js';
import { SuspendDealerDto } from './dto/suspend-dealer.dto.js';
import { DealerSuspensionService } from './suspension.service.js';

/** The operator suspends and reinstates dealers (issue 14 §2.3); never a dealer, not even its own. */
@ApiTags('operator')
@ApiBearerAuth()
@Controller('operator/dealers')
export class DealerSuspensionController {
  constructor(private readonly suspension: DealerSuspensionService) {}

  /**
   * Its members cannot sign in (403 200301), its sessions, proxy sessions and API keys stop at
   * once, its webhooks pause; its customers keep their service. Suspending a suspended dealer
   * answers 200 and changes nothing (the first date and reason stay).
   */
  @Allow('operator')
  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOkResponse({ type: DealerDto })
  suspend(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Dealer')) id: string,
    @Body() body: SuspendDealerDto,
    @ClientIp() ip: string | null,
  ) {
    return this.suspension.suspend(user, id, body.reason ?? null, ip);
  }

  /** Members may sign in again, API keys work, webhooks resume; reinstating an active dealer is a 200 no-op. */
  @Allow('operator')
  @Post(':id/reinstate')
  @HttpCode(200)
  @ApiOkResponse({ type: DealerDto })
  reinstate(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Dealer')) id: string,
    @ClientIp() ip: string | null,
  ) {
    return this.suspension.reinstate(user, id, ip);
  }
}
