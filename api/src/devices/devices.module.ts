import { Module, type OnModuleInit } from '@nestjs/common';
import { EntitlementsNotifier } from './entitlements-notifier.js';
import { EntitlementsCache } from './entitlements-cache.js';
import { JobsService } from '../jobs/jobs.service.js';
import { BindingModule } from '../licenses/binding.module.js';
import { CommandsService } from './commands.service.js';
import { BulkCommandsService } from './bulk-commands.service.js';
import { DeviceApiController } from './device-api.controller.js';
import { DeviceApiService } from './device-api.service.js';
import { DevicesController } from './devices.controller.js';
import { DevicesService } from './devices.service.js';
import { DeviceRegistrationService } from './registration.service.js';
import { CamerasService } from './cameras.service.js';
import { DeviceLifecycleService } from './lifecycle.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import { StreamGrantsController } from './stream-grants.controller.js';
import { StreamGrantsService } from './stream-grants.service.js';
import { TelemetryController } from './telemetry.controller.js';
import { DeviceTelemetryService } from './telemetry.service.js';
import { TelemetryIntakeService } from './telemetry-intake.service.js';
import { EventSearchService } from './event-search.service.js';
import { IncidentsModule } from '../maintenance/incidents.module.js';
import { IncidentsService } from '../maintenance/incidents.service.js';
import { CredentialsModule } from '../auth/credential-check.js';
import { EventsModule } from '../events/events.module.js';
import { CapabilityModule } from '../licenses/capability.module.js';

/** Registration, device tree, transfer, deletion, exchange, entitlements, heartbeat, liveness. */
@Module({
  imports: [IncidentsModule, CredentialsModule, BindingModule, EventsModule, CapabilityModule],
  controllers: [DeviceApiController, DevicesController, TelemetryController, StreamGrantsController],
  providers: [
    DevicesService,
    DeviceRegistrationService,
    CamerasService,
    DeviceLifecycleService,
    DeviceApiService,
    SigningKeysService,
    CommandsService,
    BulkCommandsService,
    EntitlementsNotifier,
    { provide: EntitlementsCache, useValue: new EntitlementsCache() },
    DeviceTelemetryService,
    TelemetryIntakeService,
    EventSearchService,
    StreamGrantsService,
  ],
  exports: [DeviceTelemetryService, CommandsService, DevicesService, CapabilityModule],
})
export class DevicesModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly api: DeviceApiService,
    private readonly incidents: IncidentsService,
  ) {}

  onModuleInit(): void {
    // After marking silent devices: open/close maintenance anomaly incidents (e-mails, SPEC §9).
    this.jobs.register('device-liveness', async (now) => ({
      ...(await this.api.markSilent(now)),
      ...(await this.incidents.scan(now)),
    }));
  }
}
