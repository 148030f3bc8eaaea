import { Module } from '@nestjs/common';
import { RenewalRequestsController } from './renewal-requests.controller.js';
import { RenewalRequestsService } from './renewal-requests.service.js';

/** Customers' renewal requests to their dealer (SPEC §8). */
@Module({
  controllers: [RenewalRequestsController],
  providers: [RenewalRequestsService],
})
export class RenewalRequestsModule {}
