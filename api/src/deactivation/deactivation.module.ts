import { Module } from '@nestjs/common';
import { BindingModule } from '../licenses/binding.module.js';
import { DeactivationController } from './deactivation.controller.js';
import { DeactivationService } from './deactivation.service.js';

/** Customer account deactivation. */
@Module({
  imports: [BindingModule],
  controllers: [DeactivationController],
  providers: [DeactivationService],
})
export class DeactivationModule {}
