import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module.js';
import { LinksController } from './links.controller.js';
import { LinksService } from './links.service.js';
import { MonitoringController } from './monitoring.controller.js';
import { MonitoringService } from './monitoring.service.js';

/** Maintenance links, the maintaining dealer's monitoring and remote operations (SPEC §9, seed 004). */
@Module({
  imports: [DevicesModule],
  controllers: [LinksController, MonitoringController],
  providers: [LinksService, MonitoringService],
})
export class MaintenanceModule {}
