import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, get, type Problem } from '../api';
import { announce } from '../app-state';
import { loadStaff, whenNamesLoaded } from '../directory';
import { countdown, dateTime, label } from '../format';
import { renderAction, resetForms, type ActionForm } from '../forms';
import { notice, screen } from '../layout';
import { who } from '../people';
import { errorPage } from './pages';

/** Open deadlines as every case API shows them. */
export interface CaseDeadline {
  readonly kind: string;
  readonly dueAt: string;
  readonly level?: number;
}

export type CaseState = Record<string, unknown> & { readonly status: string; readonly deadlines?: readonly CaseDeadline[] };

interface TimelineItem {
  readonly revision: string;
  readonly at: string;
  readonly by: { readonly userId: string; readonly role: string };
  readonly title: string;
  readonly detail: string | null;
}

export interface CaseConfig {
  /** e.g. "OH referral" */
  readonly kind: string;
  readonly endpoint: string;
  readonly backHref: string;
  readonly backText: string;
  readonly titleOf: (state: CaseState) => string;
  readonly summary: (state: CaseState) => readonly (readonly [string, TemplateResult | string])[];
  readonly actions: (state: CaseState, id: string) => readonly ActionForm[];
  /** Said when no action is open to the user. */
  readonly idle?: (state: CaseState) => string;
  /** The roles whose people the forms offer as pickers (ANYONE for everyone), loaded with the case. */
  readonly staffRoles?: readonly string[];
  /** A problem to show above the forms (e.g. a list a form needs could not be loaded). */
  readonly notice?: (state: CaseState) => string | null;
}

/** One case: where it stands, what the user may do next (as forms), and its history. */
export async function caseView(config: CaseConfig, id: string): Promise<() => void> {
  const show = screen();
  const path = `${config.endpoint}/${encodeURIComponent(id)}`;
  let state: CaseState;
  let etag: string | null;
  let timeline: readonly TimelineItem[] = [];
  let banner: TemplateResult | null = null;
  let live = true;

  const loadCase = async (): Promise<void> => {
    const res = await get<CaseState>(path);
    state = res.data;
    etag = res.etag;
  };
  const loadTimeline = async (): Promise<void> => {
    try {
      timeline = (await get<{ items: TimelineItem[] }>(`${path}/timeline`)).data.items;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      timeline = [];
    }
  };

  const ctx = {
    get etag(): string | null {
      return etag;
    },
    redraw: (): void => draw(false),
    done: (action: ActionForm, data: unknown, newEtag: string | null): void => {
      if (data && typeof data === 'object' && 'status' in data) state = data as CaseState;
      etag = newEtag ?? etag;
      resetForms();
      banner = notice('success', 'Success', `${action.title}: saved.`);
      announce(`${action.title}: saved.`);
      draw(false);
      focusBanner();
      void loadTimeline().then(() => live && draw(false));
    },
    conflict: (action: ActionForm, problem: Problem): void => {
      banner = html`<div class="govuk-error-summary" tabindex="-1" id="case-conflict"><div role="alert">
        <h2 class="govuk-error-summary__title">${action.title} was not saved</h2>
        <div class="govuk-error-summary__body"><p class="govuk-body">${problem.title}${problem.detail ? ` (${problem.detail})` : ''}.
          The case has been reloaded so you see it as it stands now.</p></div></div></div>`;
      resetForms();
      void Promise.all([loadCase(), loadTimeline()]).then(() => {
        if (!live) return;
        draw(false);
        requestAnimationFrame(() => document.getElementById('case-conflict')?.focus());
      }, errorPage);
    },
  };

  const draw = (focus: boolean): void => {
    const actions = config.actions(state, id);
    const title = config.titleOf(state);
    show(
      html`<a href=${config.backHref} class="govuk-back-link">${config.backText}</a>
        ${banner ?? nothing}
        <span class="govuk-caption-l">${config.kind}</span>
        <h1 class="govuk-heading-l">${title}</h1>
        <p class="govuk-body app-badges">
          <strong class="govuk-tag govuk-tag--blue" data-testid="case-status">${label(state.status)}</strong>
          ${(state.deadlines ?? []).some((d) => new Date(d.dueAt).getTime() < Date.now())
            ? html`<strong class="govuk-tag govuk-tag--red">Overdue</strong>`
            : nothing}
          ${(state.deadlines ?? []).some((d) => (d.level ?? 0) > 0) ? html`<strong class="govuk-tag govuk-tag--orange">Escalated</strong>` : nothing}
        </p>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-m">Case details</h2>
            <dl class="govuk-summary-list">
              ${config.summary(state).map(
                ([k, v]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`,
              )}
            </dl>
            ${deadlines(state)}
            <h2 class="govuk-heading-m" id="next-actions">What to do next</h2>
            ${noticeOf(config, state)}
            ${actions.length > 0
              ? actions.map((a) => renderAction(a, ctx))
              : html`<p class="govuk-body">${config.idle?.(state) ?? 'There is nothing for you to do on this case now.'}</p>`}
          </div>
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">Timeline</h2>
            ${timeline.length === 0
              ? html`<p class="govuk-body">No history to show.</p>`
              : html`<ol class="govuk-list app-timeline" reversed>
                  ${[...timeline].reverse().map(
                    (t) => html`<li class="app-timeline__item">
                      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">${t.title}</h3>
                      ${t.detail ? html`<p class="govuk-body-s govuk-!-margin-bottom-1">${t.detail}</p>` : nothing}
                      <p class="govuk-body-s app-muted">${dateTime(t.at)} by ${who(t.by.userId, '—')} (${label(t.by.role)})</p>
                    </li>`,
                  )}
                </ol>`}
          </div>
        </div>`,
      { focus, title },
    );
  };

  resetForms();
  await Promise.all([loadCase(), loadTimeline(), loadStaff(config.staffRoles ?? [])]);
  draw(true);
  const tick = window.setInterval(() => draw(false), 1000);
  const stopNames = whenNamesLoaded(() => live && draw(false));
  // Someone else (or a deadline timer) may change the case while it is open: pick up the
  // new revision so the next form is sent with a current If-Match.
  const poll = window.setInterval(() => {
    get<CaseState>(path).then(
      async (res) => {
        if (!live || res.etag === etag) return;
        state = res.data;
        etag = res.etag;
        await loadTimeline();
        if (!live) return;
        draw(false);
        announce('This case has been updated.');
      },
      () => undefined,
    );
  }, 5000);
  return () => {
    live = false;
    stopNames();
    window.clearInterval(tick);
    window.clearInterval(poll);
  };
}

function noticeOf(config: CaseConfig, state: CaseState): TemplateResult | typeof nothing {
  const message = config.notice?.(state);
  if (!message) return nothing;
  return html`<div class="govuk-error-summary" data-testid="case-notice"><div role="alert">
    <h3 class="govuk-error-summary__title">Some forms cannot be shown</h3>
    <div class="govuk-error-summary__body"><p class="govuk-body">${message}</p></div></div></div>`;
}

function deadlines(state: CaseState): TemplateResult | typeof nothing {
  const list = state.deadlines ?? [];
  if (list.length === 0) return nothing;
  return html`<table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--m">Open deadlines</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Deadline</th><th scope="col" class="govuk-table__header">Due</th><th scope="col" class="govuk-table__header">Countdown</th>
    </tr></thead>
    <tbody class="govuk-table__body">
      ${list.map((d) => {
        const c = countdown(d.dueAt);
        return html`<tr class="govuk-table__row">
          <td class="govuk-table__cell">${label(d.kind)}</td>
          <td class="govuk-table__cell">${dateTime(d.dueAt)}</td>
          <td class="govuk-table__cell"><span class=${c.overdue ? 'app-countdown--overdue' : ''}>${c.text}</span>
            ${(d.level ?? 0) > 0 ? html` <strong class="govuk-tag govuk-tag--orange">Escalated (level ${d.level})</strong>` : nothing}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function focusBanner(): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('.govuk-notification-banner');
    if (el) {
      el.setAttribute('tabindex', '-1');
      el.focus();
    }
  });
}

/** Generic summary rows: every scalar field of a case, labelled. */
export function genericSummary(state: CaseState, skip: readonly string[] = []): (readonly [string, string])[] {
  const rows: (readonly [string, string])[] = [];
  for (const [k, v] of Object.entries(state)) {
    if (skip.includes(k) || k === 'deadlines' || k === 'status') continue;
    if (v === null || v === undefined || typeof v === 'object') continue;
    const text = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? dateTime(v) : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : label(String(v)) === String(v) ? String(v) : typeof v === 'string' && /^[a-z_]+$/.test(v) ? label(v) : String(v);
    rows.push([label(k), text]);
  }
  return rows;
}
