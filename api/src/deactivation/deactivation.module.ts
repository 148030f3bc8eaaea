import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { BindingModule } from '../licenses/binding.module.js';
import { CredentialsModule } from '../auth/credential-check.js';
import { DeactivationController } from './deactivation.controller.js';
import { DeactivationService } from './deactivation.service.js';

/** Customer account deactivation. */
@Module({
  imports: [AccountsModule, BindingModule, CredentialsModule],
  controllers: [DeactivationController],
  providers: [DeactivationService],
})
export class DeactivationModule {}
