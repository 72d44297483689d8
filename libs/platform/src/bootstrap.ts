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

/** Applies the HTTP conventions every Casework app shares. */
export function configureHttp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: '256kb' });
  // Back-dated imports arrive as CSV; a force's whole history fits well within 10 MB.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '10mb' });
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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

export async function createHttpApp(module: unknown, config: AppConfig): Promise<NestExpressApplication> {
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'Casework has no production sign-in yet (OIDC arrives with the security issue); refusing to start with NODE_ENV=production.',
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(module as never, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoNestLogger));
  configureHttp(app);
  return app;
}
