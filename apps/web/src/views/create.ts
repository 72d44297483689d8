import { html, nothing } from 'lit-html';
import { ApiError } from '../api';
import { can } from '../app-state';
import { renderAction, resetForms, type ActionForm } from '../forms';
import { screen } from '../layout';
import { go } from '../router';

/** A page that starts a case: one form, then the new case (or its reference when the role cannot read it). */
export interface CreateSpec {
  /** The route section: the page is `#/<section>/new`. */
  readonly section: string;
  readonly permission: string;
  readonly title: string;
  readonly intro: string;
  /** The form, or how to build it once the force's own lists have loaded. */
  readonly action: ActionForm | (() => Promise<ActionForm>);
  readonly idOf: (data: Record<string, unknown>) => string;
  /** Where the new case is read, or null when the creator's role may not read it. */
  readonly caseHref: (id: string) => string | null;
  /** Navigation text for roles that start these cases without working them. */
  readonly navText?: string;
}

export async function createView(spec: CreateSpec): Promise<void> {
  if (!can(spec.permission)) throw new ApiError(403, { title: 'Not for your role', status: 403 });
  const show = screen();
  // A list that fails to load throws a VocabularyError: the error page says which list and what to do.
  const action = typeof spec.action === 'function' ? await spec.action() : spec.action;
  resetForms();
  const ctx = {
    etag: null,
    redraw: () => draw(false),
    conflict: () => draw(false),
    done: (_: ActionForm, data: unknown) => {
      const id = spec.idOf((data ?? {}) as Record<string, unknown>);
      const href = spec.caseHref(id);
      if (href) {
        go(href);
        return;
      }
      show(
        html`<div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">${spec.title}: done</h1>
            <div class="govuk-panel__body">Reference<br><strong data-testid="created-id">${id}</strong></div>
          </div>
          <p class="govuk-body">The team that works these cases has it now; your role does not see it from here.</p>
          <p class="govuk-body"><a class="govuk-link" href=${`#/${spec.section}/new`} @click=${() => void createView(spec)}>Start another</a></p>`,
        { focus: true, title: `${spec.title}: done` },
      );
    },
  };
  const draw = (focus: boolean): void =>
    show(
      html`${spec.caseHref('x') ? html`<a href=${`#/${spec.section}`} class="govuk-back-link">Back</a>` : nothing}
        <h1 class="govuk-heading-l">${spec.title}</h1>
        <p class="govuk-body">${spec.intro}</p>
        ${renderAction(action, ctx)}`,
      { focus, title: spec.title },
    );
  draw(true);
}
