import { Module } from '@nestjs/common';
import { IncidentsService } from './incidents.service.js';

/** Anomaly incidents; imported by DevicesModule, whose `device-liveness` job runs the scan. */
@Module({ providers: [IncidentsService], exports: [IncidentsService] })
export class IncidentsModule {}
