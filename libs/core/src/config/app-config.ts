import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf, validateSync } from 'class-validator';

/**
 * Every setting comes from the environment and is validated once, at boot: a bad or
 * missing variable stops the process with one message listing all of them.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  @Type(() => Number)
  PORT: number = 3000;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/casework';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  @IsIn(['postgres', 'esdb', 'memory'])
  EVENT_STORE: 'postgres' | 'esdb' | 'memory' = 'postgres';

  @ValidateIf((c: AppConfig) => c.EVENT_STORE === 'esdb')
  @Matches(/^(esdb|kurrentdb)(\+discover)?:\/\//, {
    message: 'EVENTSTORE_CONNECTION_STRING must be an esdb:// connection string when EVENT_STORE=esdb',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsInt()
  @Min(10)
  @Type(() => Number)
  PROJECTION_POLL_MS: number = 200;

  @IsInt()
  @Min(1_000)
  @Type(() => Number)
  TIMER_RECONCILE_INTERVAL_MS: number = 300_000;

  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'TIMER_QUEUE may hold only a-z, 0-9 and -' })
  TIMER_QUEUE = 'casework-deadlines';

  @IsOptional()
  @IsString()
  DEADLINE_POLICY_FILE?: string;

  @IsOptional()
  @IsString()
  BANK_HOLIDAYS_FILE?: string;

  @IsIn(['api', 'worker', 'all'])
  ROLE: 'api' | 'worker' | 'all' = 'all';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && value !== '' && (known.includes(key) || key === 'EVENTSTORE_CONNECTION_STRING')),
  );
  const config = plainToInstance(AppConfig, relevant, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false, stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map((message) => `${e.property}=${JSON.stringify(env[e.property] ?? null)}: ${message}`),
      ),
    );
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
