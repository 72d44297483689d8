import { ApiError, get } from './api';
import { currentUser } from './app-state';

/**
 * The lists a force configures for itself (incident types, stay themes, exit drivers and
 * the exit survey), read from the API rather than built in: the server checks each form
 * against the caller's force's own policy, so the form must offer exactly that policy.
 */
export interface Term {
  readonly code: string;
  readonly label: string;
}

export interface IncidentVocabulary {
  readonly incidentTypes: readonly (Term & { readonly weight: number })[];
}

export interface StayVocabulary {
  readonly themes: readonly Term[];
}

export interface ExitQuestion {
  readonly id: string;
  readonly text: string;
  readonly type: 'scale' | 'yesno' | 'text';
  readonly required: boolean;
}

export interface ExitVocabulary {
  readonly reasons: readonly Term[];
  readonly drivers: readonly Term[];
  readonly questionnaire: { readonly id: string; readonly questions: readonly ExitQuestion[] };
}

const cache = new Map<string, Promise<unknown>>();

/**
 * One fetch per list per signed-in force and role (a policy changes with a deployment, not
 * while someone fills a form); a failure is not cached, so the next page view tries again.
 * The error says which list failed, so the page can say why its form is missing.
 */
function load<T>(path: string, what: string): Promise<T> {
  const user = currentUser();
  const key = `${user?.forceId ?? ''}/${user?.role ?? ''}${path}`;
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = get<T>(path).then(
      (res) => res.data,
      (error: unknown) => {
        cache.delete(key);
        if (error instanceof ApiError && error.status === 401) throw error;
        const cause = error instanceof ApiError ? error.problem.title : error instanceof Error ? error.message : String(error);
        throw new VocabularyError(what, cause, error instanceof ApiError ? error.status : 0);
      },
    );
    cache.set(key, pending);
  }
  return pending;
}

/** A force's list could not be fetched; the message names the list and tells the user what to do. */
export class VocabularyError extends ApiError {
  constructor(what: string, cause: string, status: number) {
    // Not 403/404: the page is the user's to see, only one of its lists is missing.
    super(status === 403 || status === 404 ? 500 : status, {
      title: `Your force’s ${what} could not be loaded (${cause}), so the form that needs them cannot be shown. Reload the page to try again.`,
      status,
    });
    this.name = 'VocabularyError';
  }
}

export const incidentVocabulary = (): Promise<IncidentVocabulary> => load('/incidents/vocabulary', 'incident types');
export const stayVocabulary = (): Promise<StayVocabulary> => load('/stay-interviews/vocabulary', 'stay-interview themes');
export const exitVocabulary = (): Promise<ExitVocabulary> => load('/exits/vocabulary', 'exit drivers and survey questions');

/** The list, or the error saying why it is missing (a case page still shows the rest of the case). */
export async function orError<T>(pending: Promise<T>): Promise<T | VocabularyError> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof VocabularyError) return error;
    throw error;
  }
}
