import { Injectable, type Provider } from '@nestjs/common';
import type { PoolClient } from 'pg';

/**
 * What an erasure reaches in the read models. Read models keep their rows (reports and
 * BI views count them) but lose who they were about: a person column becomes the
 * pseudonym a rebuild from the erased events would give it (`erased:<keyId>`), a name
 * `[erased]`.
 */
export interface PurgeScope {
  readonly forceId: string;
  readonly kind: 'person' | 'retention';
  readonly streamIds: readonly string[];
  /** The uuid part of each stream id: the read models' case ids. */
  readonly caseIds: readonly string[];
  /**
   * The person's ids as read models may hold them: the real id (a live erasure) and the
   * `erased:<keyId>` pseudonyms (a purge re-applied after a rebuild). Null for a
   * retention expiry: everyone in those cases.
   */
  readonly personIds: readonly string[] | null;
  /** caseId → the pseudonym the erased person reads as in that case. */
  readonly pseudonyms: Readonly<Record<string, string>>;
}

export interface PersonalDataPurger {
  readonly name: string;
  /** Runs in the erasure's transaction: erasure commits whole or not at all. */
  purge(tx: PoolClient, scope: PurgeScope): Promise<void>;
}

/** Every read model's purger; each library registers its own with `personalDataPurger`. */
@Injectable()
export class PersonalDataPurgers {
  private readonly purgers = new Map<string, PersonalDataPurger>();

  register(purger: PersonalDataPurger): PersonalDataPurger {
    this.purgers.set(purger.name, purger);
    return purger;
  }

  list(): PersonalDataPurger[] {
    return [...this.purgers.values()];
  }
}

/** A library module's provider line registering its purger (no-op where personal data is not wired). */
export function personalDataPurger(purger: PersonalDataPurger): Provider {
  return {
    provide: `personal-data-purger:${purger.name}`,
    inject: [{ token: PersonalDataPurgers, optional: true }],
    useFactory: (registry?: PersonalDataPurgers) => registry?.register(purger) ?? purger,
  };
}

/** SQL fragments every purger shares; `$n` numbering is the caller's. */
export const purgeSql = {
  /** The pseudonym for a row of case `caseColumn` (one per erased person per case). */
  pseudonym: (pseudonymsParam: string, caseColumn: string): string =>
    `coalesce(${pseudonymsParam}::jsonb ->> ${caseColumn}::text, 'erased:' || gen_random_uuid())`,
  /** Rows of the persons in scope (all of them when null). */
  person: (personIdsParam: string, personColumn: string): string =>
    `(${personIdsParam}::text[] is null or ${personColumn} = any(${personIdsParam}::text[]))`,
};

/** Parameters in purgeSql's order: force, case ids, person ids, pseudonyms. */
export function purgeParams(scope: PurgeScope): unknown[] {
  return [scope.forceId, scope.caseIds, scope.personIds, JSON.stringify(scope.pseudonyms)];
}

