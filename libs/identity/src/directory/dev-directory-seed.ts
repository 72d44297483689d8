import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { DevIssuer } from '../auth/dev-issuer';
import { STAFF_DIRECTORY } from './directory.controller';
import type { StaffDirectory } from './staff-directory';

/** With the development issuer, its seeded users are in the directory from the start (pickers are never empty in a demo). */
@Injectable()
export class DevDirectorySeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('Directory');

  constructor(
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
    @Optional() @Inject(DevIssuer) private readonly dev?: DevIssuer | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.dev) return;
    try {
      for (const u of this.dev.users()) {
        await this.directory.seen({ userId: u.sub, role: u.role, forceId: u.forceId, name: u.name });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not list the development users in the staff directory');
    }
  }
}
