import { loadConfig, type AppConfig } from '@casework/core/config/app-config';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { createHttpApp } from '@casework/platform/bootstrap';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';

/** Validates config, migrates, and serves; shared by the api, worker and demo entry points. */
export async function start(
  defaults: Partial<Record<keyof AppConfig, string>>,
  afterListen?: (app: NestExpressApplication, config: AppConfig, url: string) => Promise<void>,
): Promise<NestExpressApplication> {
  let config: AppConfig;
  try {
    config = loadConfig({ ...defaults, ...process.env });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(78);
  }
  const pool = createPool(config.DATABASE_URL, { max: 1 });
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
  } finally {
    await pool.end();
  }
  const app = await createHttpApp(AppModule.forRoot({ config }), config);
  await app.listen(config.PORT, '127.0.0.1');
  const url = `http://localhost:${config.PORT}`;
  await afterListen?.(app, config, url);
  process.stdout.write(
    `\nCasework (${config.ROLE}) is running at ${url}\n  API docs: ${url}/api/docs\n  Health:   ${url}/health\n  Metrics:  ${url}/metrics\n\n`,
  );
  return app;
}
