import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catchError, concatMap, type Observable } from 'rxjs';
import { AuditService } from '../common/audit/audit.service.js';
import type { AuthUser } from '../common/auth/decorators.js';

/**
 * Every write made with an API key is audited as the key (`api_key.request`: method, path,
 * `ok` or the refusal's status), also when the route itself audits nothing; the routes' own audit rows carry
 * the key too (AuditService writes `api_key_id`).
 */
@Injectable()
export class ApiKeyAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx
      .switchToHttp()
      .getRequest<{ user?: AuthUser; method: string; originalUrl: string; ip?: string }>();
    const user = req.user;
    if (!user?.apiKeyId || req.method === 'GET' || req.method === 'HEAD') return next.handle();
    const record = (outcome: string | number) =>
      this.ds.transaction((em) =>
        this.audit.record(
          em,
          user,
          {
            action: 'api_key.request',
            targetType: 'api_key',
            targetId: user.apiKeyId!,
            after: { method: req.method, path: req.originalUrl.split('?')[0], outcome },
          },
          req.ip ?? null,
        ),
      );
    return next.handle().pipe(
      concatMap(async (v: unknown) => {
        await record('ok');
        return v;
      }),
      catchError(async (e: { status?: number }) => {
        await record(e.status ?? 500);
        throw e;
      }),
    );
  }
}
