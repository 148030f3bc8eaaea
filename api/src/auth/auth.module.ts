import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from '../common/auth/jwt.strategy.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { PortalModule } from '../portal/portal.module.js';
import { CredentialsModule } from './credential-check.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';
import { ProxyController } from './proxy.controller.js';
import { ProxyService } from './proxy.service.js';

/** Sign-in, sessions, the e-mailed account flows and proxy sessions. */
@Module({
  imports: [PassportModule, JwtModule.register({}), AccountsModule, PortalModule, CredentialsModule],
  controllers: [AuthController, AccountController, ProxyController],
  providers: [AuthService, JwtStrategy, AccountService, ProxyService],
  exports: [AuthService],
})
export class AuthModule {}
