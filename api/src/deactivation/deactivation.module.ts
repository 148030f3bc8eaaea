import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module.js';
import { CredentialsModule } from '../auth/credential-check.js';
import { DeactivationController } from './deactivation.controller.js';
import { DeactivationService } from './deactivation.service.js';

/** Customer account deactivation. */
@Module({
  imports: [DevicesModule, CredentialsModule],
  controllers: [DeactivationController],
  providers: [DeactivationService],
})
export class DeactivationModule {}
