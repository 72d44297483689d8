import { html, type TemplateResult } from 'lit-html';
import { nameFor } from './directory';

/**
 * Who a user id is: "Amara Okafor" with the id kept for everyone (a visually-hidden suffix
 * for screen readers, and a tooltip), or the bare id when the directory has no name.
 */
export function who(userId: unknown, none = 'Unassigned'): TemplateResult | string {
  if (userId === null || userId === undefined || userId === '') return none;
  const id = String(userId);
  const name = nameFor(id);
  if (!name) return id;
  return html`<span class="app-person" title=${id} data-user-id=${id}>${name}<span class="govuk-visually-hidden"> (${id})</span></span>`;
}
