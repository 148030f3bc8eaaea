import { Module } from '@nestjs/common';
import { BindingService } from './binding.service.js';

/**
 * Automatic binding and expiry (`BindingService`), for every feature whose use cases bind:
 * licenses (assignments), devices (registration, cameras, transfer, exchange), deactivation,
 * and the `expiry-sweep` job. It depends on no feature module.
 */
@Module({
  providers: [BindingService],
  exports: [BindingService],
})
export class BindingModule {}
