import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardDto } from './dto/dashboard.dto.js';

@ApiTags('licenses')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Allow('dealer')
  @Get('dashboard')
  @ApiOkResponse({ type: DashboardDto })
  getDashboard(@CurrentUser() user: AuthUser) {
    return this.dashboard.get(user.dealerId!);
  }
}
