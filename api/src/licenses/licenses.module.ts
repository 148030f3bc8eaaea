import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';
import { DashboardService } from './dashboard.service.js';
import { RenewalsController } from './renewals.controller.js';
import { RenewalsService } from './renewals.service.js';
import { SkusController } from './skus.controller.js';
import { SkusService } from './skus.service.js';
import { StockService } from './stock.service.js';

/** SKUs and price lists, stock, assignments, the customer's licenses, renewals and the dashboard. */
@Module({
  imports: [DevicesModule],
  controllers: [SkusController, AssignmentsController, RenewalsController],
  providers: [SkusService, StockService, AssignmentsService, RenewalsService, DashboardService],
  exports: [SkusService, StockService],
})
export class LicensesModule {}
