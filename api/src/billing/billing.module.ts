import { Module } from '@nestjs/common';
import { LicensesModule } from '../licenses/licenses.module.js';
import { EcController } from './ec.controller.js';
import { EcService } from './ec.service.js';
import { InvoicesController } from './invoices.controller.js';
import { InvoicesService } from './invoices.service.js';
import { OrdersController } from './orders.controller.js';
import { OrderFulfilmentService } from './order-fulfilment.service.js';
import { OrderInvoicingService } from './order-invoicing.service.js';
import { OrderWorkflowService } from './order-workflow.service.js';
import { OrdersService } from './orders.service.js';

/** Orders, invoices and payments, and EC-site purchases. */
@Module({
  imports: [LicensesModule],
  controllers: [OrdersController, InvoicesController, EcController],
  providers: [
    OrdersService,
    OrderWorkflowService,
    OrderInvoicingService,
    OrderFulfilmentService,
    InvoicesService,
    EcService,
  ],
})
export class BillingModule {}
