import { Module } from '@nestjs/common';
import { MyDealerController } from './my-dealer.controller.js';
import { RenewalRequestsController } from './renewal-requests.controller.js';
import { RenewalRequestsService } from './renewal-requests.service.js';

/** Customers' renewal requests to their dealer (SPEC §8). */
@Module({
  controllers: [RenewalRequestsController, MyDealerController],
  providers: [RenewalRequestsService],
})
export class RenewalRequestsModule {}
