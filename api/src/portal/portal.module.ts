import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller.js';
import { PortalMessages } from './messages.service.js';
import { FoldersController } from './folders.controller.js';
import { FoldersService } from './folders.service.js';
import { FavoritesService } from './favorites.service.js';

/** Customer-facing read models: messages, device folders, favorites. */
@Module({
  controllers: [PortalController, FoldersController],
  providers: [PortalMessages, FoldersService, FavoritesService],
  exports: [PortalMessages],
})
export class PortalModule {}
