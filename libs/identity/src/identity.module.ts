import type { KeyObject } from 'node:crypto';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Pool } from 'pg';
import { PG_POOL, REDIS } from '@casework/platform/tokens';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Redis } from 'ioredis';
import { AuditController } from './audit/audit.controller';
import { DirectoryController, STAFF_DIRECTORY } from './directory/directory.controller';
import { StaffDirectory } from './directory/staff-directory';
import { DevDirectorySeed } from './directory/dev-directory-seed';
import { AuditTrail } from './audit/audit-trail';
import { AUDIT_TRAIL, AuditInterceptor } from './audit/audit.interceptor';
import { ThrottlerModule } from '@nestjs/throttler';
import { RateLimitGuard, RateLimitRedis } from './auth/rate-limit.guard';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { AuthController, SIGN_IN_CONFIG, type SignInConfig } from './auth/auth.controller';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import { DEV_ISSUER_PATH, DevIssuer } from './auth/dev-issuer';
import { DevIssuerController, REDIRECT_ORIGINS } from './auth/dev-issuer.controller';
import { TokenVerifier, verifierSettings } from './auth/token-verifier';
import { discoveredKeys, discovery } from './auth/discovery';

export interface IdentityOptions {
  readonly config: AppConfig;
  /** The dev issuer's signing key (tests sign their own tokens with it); default: a fresh key. */
  readonly devIssuerKey?: KeyObject;
}

/** The address users reach the app on (the dev issuer names itself from it). */
export function publicUrl(config: AppConfig): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

export function devIssuerUrl(config: AppConfig): string {
  return `${publicUrl(config)}${DEV_ISSUER_PATH}`;
}

/** Whether this configuration signs people in through the built-in development issuer. */
export function usesDevIssuer(config: AppConfig): boolean {
  return !config.OIDC_ISSUER && config.DEV_ISSUER === 'on';
}

/** Provides the rate limiter's Redis connection (a duplicate of the app's, with its key prefix). */
@Module({})
class RateLimitRedisModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RateLimitRedisModule,
      providers: [
        {
          provide: RateLimitRedis,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RateLimitRedis(redis.duplicate({ keyPrefix: `${config.TIMER_QUEUE}:rate:` })),
        },
      ],
      exports: [RateLimitRedis],
    };
  }
}

/**
 * Sign-in: verifies every request's bearer token (global guard) against the force's OIDC
 * issuer, or, in development, against the built-in dev issuer, which it then also serves.
 */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    const providers: Provider[] = [
      // In this order: who is calling, then how often they have called.
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_GUARD, useClass: RateLimitGuard },
      { provide: AUDIT_TRAIL, inject: [PG_POOL], useFactory: (pool: Pool) => new AuditTrail(pool) },
      { provide: STAFF_DIRECTORY, inject: [PG_POOL], useFactory: (pool: Pool) => new StaffDirectory(pool) },
      DevDirectorySeed,
      { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      {
        provide: REDIRECT_ORIGINS,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => (req: Request) => {
          const origins = [new URL(publicUrl(config)).origin, `${req.protocol}://${req.get('host') ?? ''}`];
          for (const o of (config.CORS_ORIGINS ?? '').split(',')) if (o) origins.push(new URL(o).origin);
          return origins;
        },
      },
      {
        provide: DevIssuer,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig): DevIssuer | null => {
          if (!usesDevIssuer(config)) return null;
          if (config.NODE_ENV === 'production') throw new Error('The development issuer never runs in production (DEV_ISSUER=off)');
          return new DevIssuer({
            issuer: devIssuerUrl(config),
            audience: config.OIDC_AUDIENCE,
            clientId: config.OIDC_CLIENT_ID,
            forceClaim: config.OIDC_FORCE_CLAIM,
            personClaim: config.OIDC_PERSON_CLAIM,
            rolesClaim: config.OIDC_ROLES_CLAIM,
            privateKey: options.devIssuerKey,
          });
        },
      },
      {
        provide: TOKEN_VERIFIER,
        inject: [APP_CONFIG, DevIssuer],
        useFactory: (config: AppConfig, dev: DevIssuer | null): TokenVerifier => {
          if (dev) return new TokenVerifier(verifierSettings(config, dev.issuer), dev.keySet());
          if (!config.OIDC_ISSUER) {
            throw new Error('No identity provider: set OIDC_ISSUER (and OIDC_AUDIENCE), or DEV_ISSUER=on outside production');
          }
          const settings = verifierSettings(config, config.OIDC_ISSUER);
          return new TokenVerifier(settings, discoveredKeys(config.OIDC_ISSUER, config.OIDC_JWKS_URI));
        },
      },
      {
        provide: SIGN_IN_CONFIG,
        inject: [APP_CONFIG, DevIssuer],
        useFactory: (config: AppConfig, dev: DevIssuer | null) => async (): Promise<SignInConfig> => {
          const base = { clientId: config.OIDC_CLIENT_ID, audience: config.OIDC_AUDIENCE, scope: 'openid profile' };
          if (dev) {
            return {
              ...base,
              issuer: dev.issuer,
              authorizationEndpoint: `${DEV_ISSUER_PATH}/authorize`,
              tokenEndpoint: `${DEV_ISSUER_PATH}/token`,
              endSessionEndpoint: null,
              devIssuer: true,
            };
          }
          const doc = await discovery(config.OIDC_ISSUER as string);
          return {
            ...base,
            issuer: config.OIDC_ISSUER as string,
            authorizationEndpoint: doc.authorization_endpoint,
            tokenEndpoint: doc.token_endpoint,
            endSessionEndpoint: doc.end_session_endpoint ?? null,
            devIssuer: false,
          };
        },
      },
    ];
    return {
      module: IdentityModule,
      global: true,
      imports: [
        // Counts live in Redis, so the limit holds across every api replica, not per process;
        // under the deployment's own namespace (its queue name names the deployment).
        ThrottlerModule.forRootAsync({
          imports: [RateLimitRedisModule.forRoot(options.config)],
          inject: [RateLimitRedis],
          useFactory: (redis: RateLimitRedis) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: options.config.RATE_LIMIT_PER_MINUTE }],
            storage: new ThrottlerStorageRedisService(redis.client),
          }),
        }),
      ],
      providers,
      controllers: usesDevIssuer(options.config)
        ? [AuthController, AuditController, DirectoryController, DevIssuerController]
        : [AuthController, AuditController, DirectoryController],
      exports: [DevIssuer, TOKEN_VERIFIER, AUDIT_TRAIL, STAFF_DIRECTORY],
    };
  }
}
