import { Module } from '@nestjs/common';
import { BindingModule } from './binding.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';
import { RenewalsController } from './renewals.controller.js';
import { RenewalsService } from './renewals.service.js';
import { SkusController } from './skus.controller.js';
import { SkusService } from './skus.service.js';
import { StockService } from './stock.service.js';

/** SKUs and price lists, stock, assignments, the customer's licenses, and renewals. */
@Module({
  imports: [BindingModule],
  controllers: [SkusController, AssignmentsController, RenewalsController],
  providers: [SkusService, StockService, AssignmentsService, RenewalsService],
  exports: [SkusService, StockService],
})
export class LicensesModule {}
