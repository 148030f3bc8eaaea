import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './common/config/config.js';
import { Clock } from './common/clock/clock.js';
import { dataSourceOptions } from './common/database/database.js';
import { ENTITIES } from './entities.js';
import { ErrorFilter } from './common/errors/error.filter.js';
import { GlobalAuthGuard } from './common/auth/auth.guard.js';
import { DeviceCredentialVerifier } from './common/auth/device-verifier.js';
import { DeviceCredentialLookup } from './devices/device-credential-lookup.js';
import { TokenKeys } from './common/auth/token-keys.js';
import { SessionGate } from './common/auth/session-gate.js';
import { ApiKeyGate } from './common/auth/api-key-gate.js';
import { PasswordHasher } from './common/auth/password-hasher.js';
import { MailService } from './common/mail/mail.service.js';
import { MailWorker } from './common/mail/mail.worker.js';
import { AuditService } from './common/audit/audit.service.js';
import { DbNotifications } from './common/database/db-notifications.js';
import { DevClockSync } from './common/clock/dev-clock-sync.js';
import { ProcessLiveness } from './common/database/process-liveness.js';
import { AuthModule } from './auth/auth.module.js';
import { DealersModule } from './dealers/dealers.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { PortalModule } from './portal/portal.module.js';
import { AuditModule } from './audit/audit.module.js';
import { LicensesModule } from './licenses/licenses.module.js';
import { BillingModule } from './billing/billing.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DevicesModule } from './devices/devices.module.js';
import { MaintenanceModule } from './maintenance/maintenance.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ExpirySweepModule } from './licenses/expiry-sweep.module.js';
import { RenewalRequestsModule } from './renewal-requests/renewal-requests.module.js';
import { OperatorModule } from './operator/operator.module.js';
import { JobsService } from './jobs/jobs.service.js';
import { JobsScheduler } from './jobs/jobs.scheduler.js';
import { JobsController } from './jobs/jobs.controller.js';
import { DevController } from './dev/dev.controller.js';
import { HealthController } from './health/health.controller.js';
import { SeedService } from './seed/seed.service.js';
import { DeactivationModule } from './deactivation/deactivation.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';

/** Cross-cutting services every feature may inject. */
@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    const providers = [
      { provide: AppConfig, useValue: config },
      { provide: Clock, useValue: clock },
      TokenKeys,
      SessionGate,
      ApiKeyGate,
      PasswordHasher,
      MailService,
      MailWorker,
      AuditService,
      JobsService,
      DbNotifications,
      DevClockSync,
      ProcessLiveness,
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, clock = new Clock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.dbPoolSize, ENTITIES)),
        ScheduleModule.forRoot(),
        PassportModule,
        JwtModule.register({}),
        AuthModule,
        DealersModule,
        CustomersModule,
        PortalModule,
        AuditModule,
        LicensesModule,
        BillingModule,
        DashboardModule,
        DevicesModule,
        MaintenanceModule,
        NotificationsModule,
        ExpirySweepModule,
        RenewalRequestsModule,
        OperatorModule,
        DeactivationModule,
        IntegrationsModule,
      ],
      controllers: [JobsController, DevController, HealthController],
      providers: [
        JobsScheduler,
        SeedService,
        { provide: DeviceCredentialVerifier, useClass: DeviceCredentialLookup },
        { provide: APP_GUARD, useClass: GlobalAuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
