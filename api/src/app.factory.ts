import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { AppModule } from './app.module.js';
import { AppConfig, REPO_ROOT } from './common/config/config.js';
import { Clock } from './common/clock/clock.js';
import { validationPipe } from './common/errors/validation.js';
import { toBody } from './common/errors/error.filter.js';
import {
  answerOversizedRequests,
  keepIdleConnections,
  PRINT_SCRIPT,
  PRINT_SCRIPT_PATH,
  refuseBadText,
  securityHeaders,
} from './common/http/hardening.js';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');

export interface CreatedApp {
  app: INestApplication;
  clock: Clock;
  openapi: OpenAPIObject;
}

/** Builds the whole application (used by main.ts, the tests and the OpenAPI generator). */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  clock = new Clock(),
): Promise<CreatedApp> {
  const app = await NestFactory.create(AppModule.forRoot(config, databaseUrl, clock), {
    logger: LEVELS[config.logLevel],
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.set('trust proxy', config.trustProxy === 'true' ? true : config.trustProxy);
  http.disable('x-powered-by');
  app.use(securityHeaders);
  answerOversizedRequests(app.getHttpServer() as Server);
  keepIdleConnections(app.getHttpServer() as Server);
  // JSON bodies, keeping the raw bytes for signed webhooks; parse errors get our error shape.
  app.use(
    express.json({
      limit: '1mb',
      verify: (req, _res, buf) => {
        (req as unknown as { rawBody: Buffer }).rawBody = buf;
      },
    }),
  );
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const body = toBody(err, new Logger('Error'));
    res.status(body.statusCode).json(body);
  });
  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused before any route sees it.
  app.use(refuseBadText);
  app.use(PRINT_SCRIPT_PATH, (_req: Request, res: Response) => {
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(PRINT_SCRIPT);
  });

  const openapi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('License Console API')
      .setDescription(
        'Dealer license console, customer portal and device services. Stable routes: shared/API.md.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // The Swagger UI only where configured (API_DOCS; on outside production).
  if (config.apiDocs) {
    SwaggerModule.setup('api/docs', app, openapi, { jsonDocumentUrl: 'api/openapi.json', raw: ['json'] });
  }

  // The console: static files of the built web app, with SPA fallback for non-API paths.
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.use(express.static(WEB_DIST, { index: false, maxAge: '1h' }));
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && !/^\/api(\/|$)/.test(req.path)) {
        res.setHeader('Cache-Control', 'no-cache');
        return res.sendFile(path.join(WEB_DIST, 'index.html'));
      }
      next();
    });
  }
  await app.init();
  return { app, clock, openapi };
}
