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
  EVENTSTORE_CONNECTION_STRING?: string = undefined;

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
  DEADLINE_POLICY_FILE?: string = undefined;

  @IsOptional()
  @IsString()
  BANK_HOLIDAYS_FILE?: string = undefined;

  @IsIn(['api', 'worker', 'all'])
  ROLE: 'api' | 'worker' | 'all' = 'all';

  // ── Sign-in (OpenID Connect / JWT bearer) ─────────────────────────────────────────
  /** The base URL users reach the app on; the dev issuer names itself from it. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string = undefined;

  /** The force's OIDC issuer (e.g. https://login.microsoftonline.com/<tenant>/v2.0). Unset: the dev issuer. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string = undefined;

  /** Where the issuer publishes its keys; default: jwks_uri from the issuer's discovery document. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_JWKS_URI must be an http(s) URL' })
  OIDC_JWKS_URI?: string = undefined;

  /** The audience (aud) every access token must carry: the API's application id URI. */
  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'OIDC_AUDIENCE must be a non-empty string without spaces' })
  OIDC_AUDIENCE = 'casework-api';

  /** The web app's public client id (authorization code + PKCE). */
  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'OIDC_CLIENT_ID must be a non-empty string without spaces' })
  OIDC_CLIENT_ID = 'casework-web';

  /** Signature algorithms accepted; never `none` nor HMAC (a shared secret is not an identity provider's key). */
  @Matches(/^(RS256|RS384|RS512|PS256|PS384|PS512|ES256|ES384|ES512|EdDSA)(,(RS256|RS384|RS512|PS256|PS384|PS512|ES256|ES384|ES512|EdDSA))*$/, {
    message: 'OIDC_ALGORITHMS must be a comma-separated list of RS/PS/ES 256/384/512 or EdDSA',
  })
  OIDC_ALGORITHMS = 'RS256,PS256,ES256';

  /** The claim holding the user's Casework roles (Entra ID app roles arrive in `roles`). */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'OIDC_ROLES_CLAIM must be a claim name' })
  OIDC_ROLES_CLAIM = 'roles';

  /** The claim naming the user's force (tenant). */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'OIDC_FORCE_CLAIM must be a claim name' })
  OIDC_FORCE_CLAIM = 'casework_force';

  /** The claim with the user's own staff/person id (so staff never read their own case's notes). */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'OIDC_PERSON_CLAIM must be a claim name' })
  OIDC_PERSON_CLAIM = 'casework_person';

  @IsInt()
  @Min(0)
  @Max(300)
  @Type(() => Number)
  OIDC_CLOCK_TOLERANCE_S: number = 30;

  /** The built-in development issuer: on by default outside production, refused in production. */
  @IsIn(['on', 'off'])
  DEV_ISSUER: 'on' | 'off' = 'on';

  // ── HTTP hardening ────────────────────────────────────────────────────────────────
  /** Origins allowed to call the API from a browser, comma-separated; empty: same origin only. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, { message: 'CORS_ORIGINS must be comma-separated http(s) origins' })
  CORS_ORIGINS?: string = undefined;

  /** Requests per minute per client (user, else address) before 429. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /** When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>` (the Prometheus scraper's). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._~+/=-]{24,200}$/, { message: 'METRICS_TOKEN must be 24–200 token characters' })
  METRICS_TOKEN?: string = undefined;

  // ── Personal data protection ──────────────────────────────────────────────────────
  /**
   * The master key wrapping every person's data key: 32 bytes, base64. Required in
   * production (or a KMS through the KeyWrapper interface); development uses a fixed,
   * well-known key and says so.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'MASTER_KEY must be 32 bytes, base64-encoded (44 characters)' })
  MASTER_KEY?: string = undefined;

  /** JSON file of retention periods per record type (see docs/security.md); default: the built-in periods. */
  @IsOptional()
  @IsString()
  RETENTION_POLICY_FILE?: string = undefined;

  @IsInt()
  @Min(1_000)
  @Type(() => Number)
  RETENTION_SWEEP_INTERVAL_MS: number = 86_400_000;

  /** Aggregate counts below this are suppressed for HR, People board and national roles. */
  @IsInt()
  @Min(1)
  @Max(100)
  @Type(() => Number)
  REPORT_SUPPRESSION_THRESHOLD: number = 5;
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
  const production: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (env.DEV_ISSUER !== 'off') {
      production.push('DEV_ISSUER: the development issuer signs tokens for anyone; set DEV_ISSUER=off in production');
    }
    if (!config.OIDC_ISSUER) production.push('OIDC_ISSUER: production needs the force\'s identity provider');
    if (!config.MASTER_KEY) production.push('MASTER_KEY: production needs its own master key (32 bytes, base64)');
    if (!config.PUBLIC_URL) production.push('PUBLIC_URL: production needs the address users reach the app on');
  }
  if (production.length > 0) throw new ConfigError(production);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
