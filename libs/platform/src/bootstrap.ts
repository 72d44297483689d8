import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { AppConfig } from '@casework/core/config/app-config';
import { ProblemDetailsFilter } from '@casework/core/http/problem-details.filter';
import { createValidationPipe } from '@casework/core/http/validation';
import { Metrics } from '@casework/core/observability/metrics';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { urlencoded } from 'express';
import { DEV_ISSUER_PATH } from '@casework/identity/auth/dev-issuer';
import { PROBLEM_CONTENT_TYPE, problemType } from '@casework/core/http/problem';
import { APP_CONFIG } from '@casework/core/config/app-config';
import { serveWebApp } from '../../../apps/web/server/serve-web';

const BODY_TYPES = /^(application\/(json|[a-z0-9.+-]+\+json)|text\/(csv|plain))\s*(;|$)/i;

/** A body in any other media type than JSON or CSV is a 415, outside the sign-in form. */
function refuseUnsupportedBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.path.startsWith(DEV_ISSUER_PATH) || BODY_TYPES.test(req.headers['content-type'] ?? '')) {
    next();
    return;
  }
  res
    .status(415)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemType('REQUEST.UNSUPPORTED_MEDIA_TYPE'),
        title: 'The request body must be JSON (or CSV for imports)',
        status: 415,
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        field: 'Content-Type',
        detail: `Content-Type ${String(req.headers['content-type'] ?? '(none)')} is not accepted here`,
        instance: req.originalUrl,
      }),
    );
}

/** Applies the HTTP conventions every Casework app shares. */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const secure = (config.PUBLIC_URL ?? '').startsWith('https:');
  // Security headers on every answer: a strict CSP (scripts and styles from this origin
  // only; the web app has no inline script), no MIME sniffing, no framing, HSTS behind https.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'", ...(config.OIDC_ISSUER ? [new URL(config.OIDC_ISSUER).origin] : [])],
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
      strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // The OpenAPI UI (swagger-ui) sets inline styles: allowed there alone, never scripts.
  app.use('/api/docs', (_req: Request, res: Response, next: NextFunction) => {
    const csp = res.getHeader('Content-Security-Policy');
    if (typeof csp === 'string') res.setHeader('Content-Security-Policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    next();
  });
  const origins = (config.CORS_ORIGINS ?? '').split(',').filter(Boolean);
  if (origins.length > 0) {
    // Only the listed origins may call from a browser; bearer tokens, no cookies.
    app.enableCors({
      origin: origins,
      credentials: false,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Casework-Role'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Report-Lag-Seconds'],
      maxAge: 600,
    });
  }
  app.useBodyParser('json', { limit: '256kb' });
  // Back-dated imports arrive as CSV; a force's whole history fits well within 10 MB.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '10mb' });
  // Only the development issuer's sign-in form and token exchange post forms; everywhere
  // else a body must be JSON (or CSV for imports), or it is refused before any route sees it.
  app.use(DEV_ISSUER_PATH, urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 }));
  app.use(refuseUnsupportedBodies);
  app.useGlobalPipes(createValidationPipe());
  const metrics = app.get(Metrics);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const stop = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // The route pattern (not the URL) keeps label cardinality bounded.
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ route: `${req.baseUrl}${route}`, status: String(res.statusCode) });
    });
    next();
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  serveWebApp(app);
  app.enableShutdownHooks();
  app.set('trust proxy', false);
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Casework API')
      .setDescription(
        'Event-sourced case management for police occupational health, trauma support and retention. ' +
          'Commands accept Idempotency-Key and If-Match; errors are application/problem+json.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from the force identity provider (or the dev issuer)' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

export async function createHttpApp(module: unknown, config: AppConfig): Promise<NestExpressApplication> {
  // Production settings (an OIDC issuer, no dev issuer, a master key) are checked by loadConfig.
  void config;
  const app = await NestFactory.create<NestExpressApplication>(module as never, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoNestLogger));
  configureHttp(app);
  return app;
}
