import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DealersController } from './dealers.controller.js';
import { DealersService } from './dealers.service.js';
import { MembersService } from './members.service.js';

/** Dealers, their profile and their members. */
@Module({
  imports: [AccountsModule],
  controllers: [DealersController],
  providers: [DealersService, MembersService],
  exports: [DealersService],
})
export class DealersModule {}
