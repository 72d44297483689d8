import { clearSession, readSession, setFlash } from './session';

/** An RFC 9457 problem document as the API sends it. */
export interface Problem {
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly field?: string;
  readonly errors?: readonly { readonly field: string; readonly messages: readonly string[] }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title);
    this.name = 'ApiError';
  }
}

export interface ApiResponse<T> {
  readonly data: T;
  readonly etag: string | null;
  readonly status: number;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly ifMatch?: string | null;
  readonly idempotencyKey?: string;
  readonly accept?: string;
}

/** Called when the API says the token is no longer good (401): the app signs out. */
let onUnauthorised: () => void = () => undefined;
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

/**
 * Every API call: the bearer token, JSON both ways, problem+json turned into ApiError.
 * A network failure becomes an ApiError with status 0 so forms can offer a retry.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  const session = readSession();
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { title: 'Casework could not be reached. Check your connection and try again.', status: 0 });
  }
  if (response.status === 401) {
    clearSession();
    setFlash('Your session has ended. Sign in again to carry on.');
    onUnauthorised();
    throw new ApiError(401, { title: 'Your session has ended', status: 401 });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const type = response.headers.get('content-type') ?? '';
  const data = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { data, etag: response.headers.get('etag'), status: response.status };
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, title: body.title ?? response.statusText, status: response.status };
  } catch {
    return { title: response.statusText || `The request failed (${response.status})`, status: response.status };
  }
}

export const get = <T>(path: string): Promise<ApiResponse<T>> => request<T>('GET', path);

/** A fresh id for Idempotency-Key (kept across retries of one form submission). */
export function newKey(): string {
  return crypto.randomUUID();
}
