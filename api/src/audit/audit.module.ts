import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLogService } from './audit-log.service.js';

/** Reading the audit log (writing is AuditService in common/, inside each use case's transaction). */
@Module({ controllers: [AuditController], providers: [AuditLogService] })
export class AuditModule {}
