import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller.js';
import { PortalMessages } from './messages.service.js';

/** Customer-facing read models (so far: messages). */
@Module({ controllers: [PortalController], providers: [PortalMessages], exports: [PortalMessages] })
export class PortalModule {}
