/** RFC 9457 problem details, the only error body the API returns. */
export interface FieldProblem {
  readonly field: string;
  readonly messages: readonly string[];
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly field?: string;
  readonly errors?: readonly FieldProblem[];
  readonly instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://casework.example/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;
}

/**
 * A failure that already knows its problem document, for answers the generic mappings
 * cannot express (e.g. an import's bad rows). Extra members are RFC 9457 extensions.
 */
export class ProblemException extends Error {
  constructor(readonly problem: Problem & { readonly [extension: string]: unknown }) {
    super(problem.title);
    this.name = 'ProblemException';
  }
}
