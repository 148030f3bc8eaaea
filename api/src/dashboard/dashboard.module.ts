import { Module } from '@nestjs/common';
import { LicensesModule } from '../licenses/licenses.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

/**
 * The dealer's dashboard (`GET /api/dashboard`): a read model over licenses (stock, endings,
 * assignments) and billing (open orders, invoices). It sits above both, so neither imports the
 * other's way back (billing uses licenses' stock; licenses imports nothing of billing).
 */
@Module({
  imports: [LicensesModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
