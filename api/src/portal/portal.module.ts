import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller.js';
import { PortalMessages } from './messages.service.js';
import { FoldersController } from './folders.controller.js';
import { FoldersService } from './folders.service.js';
import { FavoritesService } from './favorites.service.js';
import { AnnouncementsService } from './announcements.service.js';
import { AccountExtrasService } from './account-extras.service.js';
import { PortalExtrasController } from './portal-extras.controller.js';

/** Customer-facing read models: messages (notices, announcements, maintenance history), folders, favorites, help, contract-holder name, terms of use. */
@Module({
  controllers: [PortalController, FoldersController, PortalExtrasController],
  providers: [PortalMessages, FoldersService, FavoritesService, AnnouncementsService, AccountExtrasService],
  exports: [PortalMessages],
})
export class PortalModule {}
