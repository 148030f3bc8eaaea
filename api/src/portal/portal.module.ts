import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller.js';
import { PortalMessages } from './messages.service.js';
import { AnnouncementsService } from './announcements.service.js';
import { AccountExtrasService } from './account-extras.service.js';
import { PortalExtrasController } from './portal-extras.controller.js';

/** Messages (notices, announcements, maintenance history), help, contract-holder name, terms of use. */
@Module({
  controllers: [PortalController, PortalExtrasController],
  providers: [PortalMessages, AnnouncementsService, AccountExtrasService],
  exports: [PortalMessages],
})
export class PortalModule {}
