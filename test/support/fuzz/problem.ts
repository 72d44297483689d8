import type { Response } from 'supertest';
import type { BadRequest } from './bad-requests';

/** What would tell an attacker about the inside: stacks, pg's own messages, SQL, file paths. */
const LEAKS = [
  /\n\s+at [^\n]+:\d+:\d+/,
  /"stack"\s*:/,
  /node_modules|\/work\/|libs\/[a-z-]+\/src/,
  /syntax error at or near|violates [a-z ]*constraint|duplicate key value|invalid input syntax for|relation "[^"]+" does not exist|column "[^"]+" does not exist/i,
  /\b(select|insert into|update|delete from)\b[^"]{0,80}\b(from|es_events|values|set|where)\b/i,
  /QueryFailedError|TypeError|ReferenceError|Cannot read propert/,
];

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  code?: unknown;
  field?: unknown;
  errors?: { field?: unknown }[];
}

/** Does the problem name `field` (itself, or a nested path under it)? */
function names(body: ProblemBody, field: string): boolean {
  const fields = [body.field, ...(body.errors ?? []).map((e) => e.field)].filter((f): f is string => typeof f === 'string');
  return fields.some((f) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`));
}

/** Every reason this response is not a clear, safe refusal of `req` (empty when it is one). */
export function problemsWith(res: Response, req: BadRequest): string[] {
  const out: string[] = [];
  const text = res.text ?? '';
  if (res.status >= 500) out.push(`a server error (${res.status})`);
  else if (res.status < 400) out.push(`accepted (${res.status}): invalid input got through`);
  else if (!req.statuses.includes(res.status)) out.push(`status ${res.status}, expected one of ${req.statuses.join('/')}`);
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) {
    out.push(`content-type ${String(res.headers['content-type'])}, not application/problem+json`);
  }
  let body: ProblemBody = {};
  try {
    body = JSON.parse(text) as ProblemBody;
  } catch {
    out.push('the body is not JSON');
  }
  if (typeof body.type !== 'string' || typeof body.title !== 'string' || body.status !== res.status) {
    out.push('the problem lacks type, title or the status');
  }
  if (body.code === 'REQUEST.INVALID' && (typeof body.field !== 'string' || !(body.errors?.length ?? 0))) {
    out.push('a validation problem that names no field');
  }
  if (req.field !== undefined && (res.status === 400 || res.status === 422) && body.code !== 'REQUEST.MALFORMED' && !names(body, req.field)) {
    out.push(`the problem does not name ${req.field}`);
  }
  for (const leak of LEAKS) if (leak.test(text)) out.push(`the body leaks internals (${leak.source})`);
  return out;
}
