import { Injectable } from '@nestjs/common';
import type { DeadlineFiredHandler } from './timer-job';

/** Workflow modules say which command a fired timer of their stream category sends. */
@Injectable()
export class DeadlineHandlerRegistry {
  private readonly handlers = new Map<string, DeadlineFiredHandler>();

  register(category: string, handler: DeadlineFiredHandler): void {
    if (this.handlers.has(category)) throw new Error(`Deadline handler for ${category} registered twice`);
    this.handlers.set(category, handler);
  }

  all(): ReadonlyMap<string, DeadlineFiredHandler> {
    return this.handlers;
  }
}
