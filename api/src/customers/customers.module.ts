import { CredentialsModule } from '../auth/credential-check.js';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CustomersController } from './customers.controller.js';
import { CustomersService } from './customers.service.js';
import { SharedUsersController } from './shared-users.controller.js';
import { SharedUsersService } from './shared-users.service.js';

/** A dealer's customers (contract holders), the customer's handover answer, and its shared users. */
@Module({
  imports: [AccountsModule, CredentialsModule],
  controllers: [CustomersController, SharedUsersController],
  providers: [CustomersService, SharedUsersService],
  exports: [CustomersService],
})
export class CustomersModule {}
