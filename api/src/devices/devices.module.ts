import { Module, type OnModuleInit } from '@nestjs/common';
import { EntitlementsNotifier } from './entitlements-notifier.js';
import { JobsService } from '../jobs/jobs.service.js';
import { BindingService } from './binding.service.js';
import { CommandsService } from './commands.service.js';
import { DeviceApiController } from './device-api.controller.js';
import { DeviceApiService } from './device-api.service.js';
import { DevicesController } from './devices.controller.js';
import { DevicesService } from './devices.service.js';
import { SigningKeysService } from './signing-keys.service.js';

/** Registration, device tree, binding, transfer, deletion, exchange, entitlements, heartbeat, liveness. */
@Module({
  controllers: [DeviceApiController, DevicesController],
  providers: [
    BindingService,
    DevicesService,
    DeviceApiService,
    SigningKeysService,
    CommandsService,
    EntitlementsNotifier,
  ],
  exports: [BindingService],
})
export class DevicesModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly api: DeviceApiService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('device-liveness', (now) => this.api.markSilent(now));
  }
}
