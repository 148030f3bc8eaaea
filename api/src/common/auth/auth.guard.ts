import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportGuard } from '@nestjs/passport';
import { ErrorCode } from '@lc/shared';
import { AppConfig } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import { ApiKeyGate } from './api-key-gate.js';
import { DeviceCredentialVerifier, type AuthDevice } from './device-verifier.js';
import {
  ALLOW_KEY,
  DEV_ONLY_KEY,
  DURING_PASSWORD_CHANGE_KEY,
  PUBLIC_KEY,
  type AuthUser,
  type Caller,
} from './decorators.js';

const JwtGuard = PassportGuard('jwt');

/**
 * The one global guard. Every route must declare @Public() or @Allow(...); a route with
 * neither is refused (and a test fails). Record-level access is the services' job.
 */
@Injectable()
export class GlobalAuthGuard implements CanActivate {
  private readonly jwt = new JwtGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyGate,
    private readonly devices: DeviceCredentialVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(DEV_ONLY_KEY, targets) && !this.config.devSurface) {
      throw new AppError(404, ErrorCode.ROUTE_NOT_FOUND, 'No such route');
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Caller[] | undefined>(ALLOW_KEY, targets);
    if (!allowed || allowed.length === 0) {
      throw AppError.forbidden('This route declares no callers');
    }
    if (allowed.includes('device')) {
      const req = ctx.switchToHttp().getRequest<{
        headers: Record<string, string | undefined>;
        device?: AuthDevice;
      }>();
      const m = /^Device\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (m) {
        const device = await this.devices.verify(m[1]);
        if (!device) throw AppError.unauthorized(ErrorCode.UNAUTHENTICATED, 'Unknown device credential');
        req.device = device;
        return true;
      }
    }
    if (await this.apiKeys.tryAuthenticate(ctx, allowed)) return true;
    await (this.jwt.canActivate(ctx) as Promise<boolean>);
    const user = ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (!allowed.includes(user.role)) throw AppError.forbidden(`This route is not for the ${user.role} role`);
    if (
      user.mustChangePassword &&
      !user.actingUserId &&
      !this.reflector.getAllAndOverride<boolean>(DURING_PASSWORD_CHANGE_KEY, targets)
    ) {
      throw AppError.forbidden(
        'password: change the initial password before doing anything else',
        ErrorCode.PASSWORD_CHANGE_REQUIRED,
      );
    }
    return true;
  }
}
