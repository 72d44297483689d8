import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, newKey, request, type Problem } from './api';

/**
 * Action forms described as data: fields, client-side checks, how values become the request
 * body. Rendered with GOV.UK form patterns (error summary, field errors beside the field);
 * the server's problem+json field errors land beside the same fields.
 */
export type FieldType = 'text' | 'textarea' | 'radios' | 'select' | 'checkboxes' | 'date' | 'datetime' | 'hidden' | 'person';

/**
 * A `person` field is a picker: a select of `options` (user id → "name — user id") with a
 * "someone not listed" choice that reveals a typed id, sent under the field's own name.
 * Without options (nobody listed, or the directory failed) it is the typed id alone.
 */
export const UNLISTED = '*unlisted';

export interface Field {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly hint?: string;
  readonly options?: readonly (readonly [string, string])[];
  readonly required?: boolean;
  readonly value?: string | readonly string[];
  readonly pattern?: RegExp;
  readonly patternMessage?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Extra server field names reported against this field (e.g. nested objects). */
  readonly aliases?: readonly string[];
}

export type Values = Record<string, string | string[]>;

export interface ActionForm {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly path: string;
  readonly fields: readonly Field[];
  readonly submitLabel: string;
  /** Shown collapsed (less common actions). */
  readonly secondary?: boolean;
  readonly warning?: boolean;
  readonly toBody: (values: Values) => unknown;
  /** Checks across fields, as field → message. */
  readonly check?: (values: Values) => Record<string, string | undefined>;
  /**
   * Which field a server error belongs beside, when its name depends on what was sent
   * (a list's `exposedColleagues.1.name` is the second *filled* row, not row 1 of the form).
   */
  readonly fieldFor?: (serverField: string, values: Values) => string | undefined;
}

interface FormState {
  errors: { field: string | null; message: string }[];
  key: string | null;
  busy: boolean;
  /** Each picker's choice, once the user has made one (until then its default). */
  picked: Record<string, string>;
}

const states = new Map<string, FormState>();

function stateOf(id: string): FormState {
  let s = states.get(id);
  if (!s) {
    s = { errors: [], key: null, busy: false, picked: {} };
    states.set(id, s);
  }
  return s;
}

/** Forget every form's errors and keys (a new page or a new case revision). */
export function resetForms(): void {
  states.clear();
}

export interface SubmitContext {
  readonly etag: string | null;
  /** Re-render the page (errors changed, or busy). */
  readonly redraw: () => void;
  /** Success: the response body and new ETag. */
  readonly done: (action: ActionForm, data: unknown, etag: string | null) => void;
  /** A 409: someone changed the case, or the state no longer allows it. */
  readonly conflict: (action: ActionForm, problem: Problem) => void;
}

export function fieldId(action: ActionForm, field: string): string {
  return `${action.id}-${field}`;
}

export function renderAction(action: ActionForm, ctx: SubmitContext): TemplateResult {
  const body = renderForm(action, ctx);
  if (action.secondary) {
    return html`<details class="govuk-details" ?open=${stateOf(action.id).errors.length > 0}>
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${action.title}</span></summary>
      <div class="govuk-details__text">${body}</div>
    </details>`;
  }
  return html`<section class="app-action" aria-labelledby=${`${action.id}-title`}>
    <h3 class="govuk-heading-m" id=${`${action.id}-title`}>${action.title}</h3>
    ${body}
  </section>`;
}

function renderForm(action: ActionForm, ctx: SubmitContext): TemplateResult {
  const state = stateOf(action.id);
  const errorFor = (field: Field): string | undefined =>
    state.errors.find((e) => e.field === field.name || (e.field !== null && field.aliases?.includes(e.field)))?.message;
  return html`<form novalidate id=${`${action.id}-form`} @submit=${(event: Event) => submit(event, action, ctx)}>
    ${state.errors.length > 0 ? errorSummary(action, state) : nothing}
    ${action.description ? html`<p class="govuk-body">${action.description}</p>` : nothing}
    ${action.fields.map((f) =>
      f.type === 'person' && f.options?.length
        ? renderPicker(action, f, errorFor(f), state.picked[f.name] ?? defaultPick(f), (choice) => {
            state.picked[f.name] = choice;
            ctx.redraw();
          })
        : renderField(action, f, errorFor(f)),
    )}
    <button type="submit" class=${`govuk-button${action.warning ? ' govuk-button--warning' : ''}`} data-module="govuk-button" ?disabled=${state.busy} aria-disabled=${state.busy ? 'true' : 'false'}>
      ${action.submitLabel}
    </button>
  </form>`;
}

function errorSummary(action: ActionForm, state: FormState): TemplateResult {
  return html`<div class="govuk-error-summary" tabindex="-1" id=${`${action.id}-errors`}>
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${state.errors.map((e) => {
            const target = e.field && action.fields.some((f) => f.name === e.field) ? fieldId(action, e.field) : null;
            return html`<li>${target ? html`<a href=${`#${target}`}>${e.message}</a>` : e.message}</li>`;
          })}
        </ul>
      </div>
    </div>
  </div>`;
}

const defaultPick = (field: Field): string =>
  typeof field.value === 'string' && (field.options ?? []).some(([v]) => v === field.value) ? field.value : '';

function renderPicker(action: ActionForm, field: Field, error: string | undefined, chosen: string, pick: (choice: string) => void): TemplateResult {
  const id = fieldId(action, field.name);
  const other = chosen === UNLISTED;
  const describedBy = [field.hint ? `${id}-hint` : '', error && !other ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  return html`<div class=${`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
    <label class="govuk-label" for=${id}>${field.label}${field.required ? '' : ' (optional)'}</label>
    ${field.hint ? html`<div class="govuk-hint" id=${`${id}-hint`}>${field.hint}</div>` : nothing}
    ${error ? html`<p class="govuk-error-message" id=${`${id}-error`}><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : nothing}
    <select class=${`govuk-select${error && !other ? ' govuk-select--error' : ''}`} id=${id} name=${field.name} aria-describedby=${describedBy}
      aria-controls=${`${id}-reveal`} @change=${(event: Event) => pick((event.currentTarget as HTMLSelectElement).value)}>
      <option value="" ?selected=${chosen === ''}>Choose…</option>
      ${(field.options ?? []).map(([v, text]) => html`<option value=${v} ?selected=${v === chosen}>${text}</option>`)}
      <option value=${UNLISTED} ?selected=${other}>Someone not listed</option>
    </select>
    <div class="app-reveal" id=${`${id}-reveal`} ?hidden=${!other}>
      ${other
        ? html`<label class="govuk-label" for=${`${id}-other`}>${field.label}’s user id</label>
            <div class="govuk-hint" id=${`${id}-other-hint`}>Someone who has never signed in to Casework is not in the list</div>
            <input class=${`govuk-input govuk-!-width-one-half${error ? ' govuk-input--error' : ''}`} id=${`${id}-other`} name=${`${field.name}${UNLISTED}`}
              type="text" aria-describedby=${`${id}-other-hint${error ? ` ${id}-error` : ''}`} autocomplete="off" spellcheck="false">`
        : nothing}
    </div>
  </div>`;
}

function renderField(action: ActionForm, field: Field, error: string | undefined): TemplateResult {
  const id = fieldId(action, field.name);
  if (field.type === 'hidden') return html`<input type="hidden" name=${field.name} .value=${String(field.value ?? '')}>`;
  const hint = field.hint ? html`<div class="govuk-hint" id=${`${id}-hint`}>${field.hint}</div>` : nothing;
  const err = error
    ? html`<p class="govuk-error-message" id=${`${id}-error`}><span class="govuk-visually-hidden">Error:</span> ${error}</p>`
    : nothing;
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const group = `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
  const optional = field.required ? '' : ' (optional)';
  const value = typeof field.value === 'string' ? field.value : '';
  switch (field.type) {
    case 'radios':
    case 'checkboxes': {
      const kind = field.type === 'radios' ? 'radios' : 'checkboxes';
      const chosen = Array.isArray(field.value) ? field.value : [value];
      return html`<div class=${group}>
        <fieldset class="govuk-fieldset" aria-describedby=${describedBy}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field.label}${optional}</legend>
          ${hint}${err}
          <div class=${`govuk-${kind} govuk-${kind}--small`}>
            ${(field.options ?? []).map(
              ([v, text], i) => html`<div class=${`govuk-${kind}__item`}>
                <input class=${`govuk-${kind}__input`} id=${i === 0 ? id : `${id}-${i}`} name=${field.name}
                  type=${field.type === 'radios' ? 'radio' : 'checkbox'} value=${v} ?checked=${chosen.includes(v)}>
                <label class=${`govuk-label govuk-${kind}__label`} for=${i === 0 ? id : `${id}-${i}`}>${text}</label>
              </div>`,
            )}
          </div>
        </fieldset>
      </div>`;
    }
    case 'select':
      return html`<div class=${group}>
        <label class="govuk-label" for=${id}>${field.label}${optional}</label>
        ${hint}${err}
        <select class=${`govuk-select${error ? ' govuk-select--error' : ''}`} id=${id} name=${field.name} aria-describedby=${describedBy}>
          <option value="">Choose…</option>
          ${(field.options ?? []).map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select>
      </div>`;
    case 'textarea':
      return html`<div class=${group}>
        <label class="govuk-label" for=${id}>${field.label}${optional}</label>
        ${hint}${err}
        <textarea class=${`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id=${id} name=${field.name} rows="4" aria-describedby=${describedBy}>${value}</textarea>
      </div>`;
    default: {
      const type = field.type === 'date' ? 'date' : field.type === 'datetime' ? 'datetime-local' : 'text';
      const width = field.type === 'text' || field.type === 'person' ? ' govuk-!-width-two-thirds' : ' govuk-input--width-20';
      return html`<div class=${group}>
        <label class="govuk-label" for=${id}>${field.label}${optional}</label>
        ${hint}${err}
        <input class=${`govuk-input${width}${error ? ' govuk-input--error' : ''}`} id=${id} name=${field.name} type=${type}
          .value=${value} aria-describedby=${describedBy} autocomplete="off" spellcheck="false">
      </div>`;
    }
  }
}

export function readValues(form: HTMLFormElement, action: ActionForm): Values {
  const data = new FormData(form);
  const values: Values = {};
  for (const field of action.fields) {
    const raw = String(data.get(field.name) ?? '');
    values[field.name] =
      field.type === 'checkboxes'
        ? data.getAll(field.name).map(String)
        : (field.type === 'person' && raw === UNLISTED ? String(data.get(`${field.name}${UNLISTED}`) ?? '') : raw).trim();
  }
  return values;
}

function validate(action: ActionForm, values: Values, picked: Record<string, string>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  for (const field of action.fields) {
    const v = values[field.name];
    const empty = Array.isArray(v) ? v.length === 0 : !v;
    if (empty) {
      if (field.required) errors.push({ field: field.name, message: picked[field.name] === UNLISTED ? `Enter ${field.label.toLowerCase()}’s user id` : requiredMessage(field) });
      continue;
    }
    if (typeof v !== 'string') continue;
    if (field.minLength && v.length < field.minLength) errors.push({ field: field.name, message: `${field.label} must be at least ${field.minLength} characters` });
    else if (field.maxLength && v.length > field.maxLength) errors.push({ field: field.name, message: `${field.label} must be ${field.maxLength} characters or fewer` });
    else if (field.pattern && !field.pattern.test(v)) errors.push({ field: field.name, message: field.patternMessage ?? `Enter a valid ${field.label.toLowerCase()}` });
  }
  const cross = action.check?.(values) ?? {};
  for (const [field, message] of Object.entries(cross)) if (message && !errors.some((e) => e.field === field)) errors.push({ field, message });
  return errors;
}

function requiredMessage(field: Field): string {
  if (field.type === 'radios' || field.type === 'select' || field.type === 'checkboxes' || (field.type === 'person' && field.options?.length)) return `Select ${field.label.toLowerCase()}`;
  return `Enter ${field.label.toLowerCase()}`;
}

/** The server's problem as errors beside fields (or in the summary when no field matches). */
export function problemErrors(action: ActionForm, problem: Problem, values: Values = {}): { field: string | null; message: string }[] {
  const known = (name: string): string | null => {
    const mapped = action.fieldFor?.(name, values);
    if (mapped && action.fields.some((f) => f.name === mapped)) return mapped;
    const field = action.fields.find((f) => f.name === name || f.aliases?.includes(name) || name.startsWith(`${f.name}.`));
    return field ? field.name : null;
  };
  const list = problem.errors?.length
    ? problem.errors.map((e) => ({ field: known(e.field), message: e.messages.join('; ') }))
    : [{ field: problem.field ? known(problem.field) : null, message: problem.detail ? `${problem.title}: ${problem.detail}` : problem.title }];
  return list;
}

async function submit(event: Event, action: ActionForm, ctx: SubmitContext): Promise<void> {
  event.preventDefault();
  const state = stateOf(action.id);
  if (state.busy) return;
  const form = event.currentTarget as HTMLFormElement;
  const values = readValues(form, action);
  const errors = validate(action, values, state.picked);
  if (errors.length > 0) {
    state.errors = errors;
    ctx.redraw();
    focusSummary(action);
    return;
  }
  // One key per submission attempt, kept when the attempt may have landed (network, 5xx).
  state.key ??= newKey();
  state.busy = true;
  state.errors = [];
  ctx.redraw();
  try {
    const res = await request<unknown>('POST', action.path, { body: action.toBody(values), ifMatch: ctx.etag, idempotencyKey: state.key });
    states.delete(action.id);
    ctx.done(action, res.data, res.etag);
  } catch (error) {
    state.busy = false;
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) return;
    if (error.status > 0 && error.status < 500) state.key = null;
    if (error.status === 409) {
      states.delete(action.id);
      ctx.conflict(action, error.problem);
      return;
    }
    state.errors = error.status === 403
      ? [{ field: null, message: 'You do not have access to do this.' }]
      : problemErrors(action, error.problem, values);
    ctx.redraw();
    focusSummary(action);
  }
}

function focusSummary(action: ActionForm): void {
  requestAnimationFrame(() => document.getElementById(`${action.id}-errors`)?.focus());
}

/** Local date-time input value → ISO 8601 with the browser's UTC offset (the API wants one). */
export function withOffset(local: string): string {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

export const options = (values: readonly string[], labelOf: (v: string) => string): (readonly [string, string])[] =>
  values.map((v) => [v, labelOf(v)] as const);
