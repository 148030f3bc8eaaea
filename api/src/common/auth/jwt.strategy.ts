import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ErrorCode, type MemberRole, type Role } from '@lc/shared';
import { AppError } from '../errors/app-error.js';
import { Clock } from '../clock/clock.js';
import { TokenKeys } from './token-keys.js';
import { SessionGate } from './session-gate.js';
import type { AuthUser } from './decorators.js';

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
  dlr: string | null;
  cus: string | null;
  mrl: MemberRole | null;
  act: string | null;
  iat: number;
  exp: number;
}

/**
 * Verifies the access JWT (signature by passport-jwt; expiry against the injected clock so
 * moving the dev clock ages tokens too) and that its session is alive and not idle.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: TokenKeys,
    private readonly clock: Clock,
    private readonly sessions: SessionGate,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: true,
      algorithms: ['HS256'],
      // jsonwebtoken takes a KeyObject at run time (the typings say string | Buffer); with a string it
      // first tries, and fails, to parse a public key on every request.
      secretOrKeyProvider: (
        _req: unknown,
        _raw: unknown,
        done: (e: Error | null, k?: string | Buffer) => void,
      ) =>
        keys.verifyKey().then(
          (k: KeyObject) => done(null, k as unknown as Buffer),
          (e: Error) => done(e),
        ),
    });
  }

  async validate(claims: AccessClaims): Promise<AuthUser> {
    if (claims.exp * 1000 <= this.clock.now().getTime()) {
      throw AppError.unauthorized(ErrorCode.ACCESS_TOKEN_EXPIRED, 'Access token expired; refresh it');
    }
    const { mustChangePassword } = await this.sessions.touch(claims.sid);
    return {
      id: claims.sub,
      role: claims.role,
      sessionId: claims.sid,
      dealerId: claims.dlr,
      customerId: claims.cus,
      memberRole: claims.mrl,
      actingUserId: claims.act,
      mustChangePassword,
    };
  }
}
