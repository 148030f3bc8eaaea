import { Module } from '@nestjs/common';
import { CapabilityGate } from './capability-gate.service.js';

/**
 * The capability gate (SPEC §3) on its own, so that any feature — devices, maintenance, stream
 * grants, event e-mails — can import it without importing the licenses feature.
 */
@Module({ providers: [CapabilityGate], exports: [CapabilityGate] })
export class CapabilityModule {}
