import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@casework/core/aggregate/command-pipeline';
import { ProblemException, problemType } from '@casework/core/http/problem';
import type { ImportRowError } from '@casework/core/import/csv-import';
import { ExecuteCaseCommand } from './case-commands';

/** One case of a validated import file, with the commands (back-dated) that create it. */
export interface PlannedCase {
  readonly line: number;
  /** The file's own reference for the case (e.g. incident_ref). */
  readonly ref: string;
  readonly caseId: string;
  readonly commands: readonly { readonly commandId: string; readonly now: Date }[];
}

export interface CaseImportRequest {
  readonly actor: { readonly userId: string; readonly role: string; readonly forceId: string };
  readonly correlationId: string;
}

/** An append failed part-way; `completed` says how far the run got before stopping. */
export class CaseImportError extends Error {
  constructor(
    readonly line: number,
    readonly ref: string,
    readonly completed: { readonly cases: number; readonly commands: number },
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `Import stopped at line ${line} (${ref}) after ${completed.cases} cases: ${reason}. ` +
        'Run the same file again to finish: what was appended is not appended twice.',
      options,
    );
    this.name = 'CaseImportError';
  }
}

/** 415: the import endpoints take the file itself as text/csv. */
export function requireCsv(body: unknown, what: string): string {
  if (typeof body !== 'string' || body.trim().length === 0) {
    throw new ProblemException({
      type: problemType('IMPORT.NOT_CSV'),
      title: `Send the ${what} as a CSV body with Content-Type: text/csv`,
      status: 415,
      code: 'IMPORT.NOT_CSV',
    });
  }
  return body;
}

/** 422 listing every problem by line: nothing was imported. */
export function invalidRows(errors: readonly ImportRowError[], rowsRead: number): ProblemException {
  return new ProblemException({
    type: problemType('IMPORT.INVALID_ROWS'),
    title: 'The file has invalid rows; nothing was imported',
    status: 422,
    code: 'IMPORT.INVALID_ROWS',
    detail: `${errors.length} problem(s) in ${rowsRead} row(s)`,
    rows: errors,
  });
}

/**
 * Appends a validated plan: up to `concurrency` cases at once, each case's commands one
 * after another. The append is not one transaction (each case is its own stream), but
 * every id derives from the force and the file's reference and the pipeline skips a
 * command it has already applied, so after a failure part-way, sending the same file
 * again completes the import without duplicating anything. After the first failure no
 * further case starts and the call rejects with CaseImportError.
 */
export async function runCaseImport(
  commandBus: CommandBus,
  category: string,
  plan: readonly PlannedCase[],
  request: CaseImportRequest,
  concurrency = 8,
): Promise<{ cases: number; commands: number }> {
  const { forceId } = request.actor;
  const actor = { userId: request.actor.userId, role: request.actor.role };
  let next = 0;
  let cases = 0;
  let commands = 0;
  let failure: { planned: PlannedCase; cause: unknown } | undefined;

  const importCase = async (planned: PlannedCase): Promise<void> => {
    for (const command of planned.commands) {
      const context: CommandContext = {
        commandId: command.commandId,
        correlationId: request.correlationId,
        causationId: request.correlationId,
        actor,
        forceId,
        occurredAt: command.now,
      };
      await commandBus.execute(new ExecuteCaseCommand(category, planned.caseId, command, context));
      commands++;
    }
    cases++;
  };

  // A fixed pool of workers, each taking the next case until none is left (or one failed).
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < plan.length) {
      const planned = plan[next++] as PlannedCase;
      try {
        await importCase(planned);
      } catch (cause) {
        failure ??= { planned, cause };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plan.length) }, worker));

  if (failure) {
    throw new CaseImportError(failure.planned.line, failure.planned.ref, { cases, commands }, { cause: failure.cause });
  }
  return { cases, commands };
}
