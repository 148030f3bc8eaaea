import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DealersController } from './dealers.controller.js';
import { DealersService } from './dealers.service.js';
import { MembersService } from './members.service.js';
import { DealerSuspensionController } from './suspension.controller.js';
import { DealerSuspensionService } from './suspension.service.js';

/** Dealers, their profile, their members and their suspension by the operator. */
@Module({
  imports: [AccountsModule],
  controllers: [DealersController, DealerSuspensionController],
  providers: [DealersService, MembersService, DealerSuspensionService],
  exports: [DealersService],
})
export class DealersModule {}
