import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ThrottlerGuard, ThrottlerException } from '@nestjs/throttler';
import { ProblemException, problemType } from '@casework/core/http/problem';
import type { AuthenticatedRequest } from '../actor';

/**
 * Rate limit per signed-in user (after the sign-in guard has named them), else per
 * address: one busy advisor cannot starve a force, and anonymous callers share their
 * address's allowance. Answers 429 problem+json with Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = (req as unknown as AuthenticatedRequest).actor;
    return actor ? `user:${actor.forceId}:${actor.userId}` : `ip:${String((req as { ip?: string }).ip)}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    const exception = new ThrottlerException();
    throw new ProblemException({
      type: problemType('REQUEST.RATE_LIMITED'),
      title: 'Too many requests; slow down and retry shortly',
      status: exception.getStatus(),
      code: 'REQUEST.RATE_LIMITED',
    });
  }
}

/**
 * The rate limiter's own Redis connection: the app's, under the deployment's namespace
 * (`<TIMER_QUEUE>:rate:`), closed with the app.
 */
export class RateLimitRedis implements OnApplicationShutdown {
  constructor(readonly client: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
