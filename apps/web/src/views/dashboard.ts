import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, get } from '../api';
import { currentUser } from '../app-state';
import { label } from '../format';
import { screen } from '../layout';
import { catalogue, downloadCsv, reportTable, type CatalogueEntry, type ReportResponse } from '../report-api';
import { go, hrefWith, type Route } from '../router';
import { DASHBOARDS, dashboardFor, type Dashboard, type Panel } from './dashboards';
import { EMPLOYMENT_TYPES } from './referrals';

/** The filters one bar sets for every panel; each report receives only those it takes. */
const FILTERS = ['from', 'to', 'period', 'department', 'employmentType'] as const;
const FILTER_LABELS: Record<(typeof FILTERS)[number], string> = {
  from: 'from date',
  to: 'to date',
  period: 'period',
  department: 'department',
  employmentType: 'employment type',
};
const PERIODS = ['quarter', 'month', 'financial_year'];

interface PanelState {
  readonly panel: Panel;
  readonly entry: CatalogueEntry;
  readonly query: URLSearchParams;
  report: ReportResponse | null;
  error: string | null;
  downloadError: string | null;
}

/** The dashboards whose reports the caller may run (at least one panel each). */
export function availableDashboards(entries: readonly CatalogueEntry[]): Dashboard[] {
  const allowed = new Set(entries.filter((e) => e.allowed).map((e) => e.name));
  return DASHBOARDS.filter((d) => d.panels.some((p) => allowed.has(p.report)));
}

/** An audience's dashboard: several charts from GET /reports/{name}, one shared filter bar. */
export async function dashboardView(id: string | undefined, route: Route): Promise<void> {
  const show = screen();
  const entries = await catalogue();
  const available = availableDashboards(entries);
  const own = dashboardFor(currentUser()?.role ?? '');
  const dashboard = available.find((d) => d.id === id) ?? (id ? undefined : (available.find((d) => d.id === own?.id) ?? available[0]));
  if (!dashboard) throw new ApiError(id && DASHBOARDS.some((d) => d.id === id) ? 403 : 404, { title: 'No dashboard', status: 404 });
  const q = route.query;
  const panels: PanelState[] = dashboard.panels.flatMap((panel) => {
    const entry = entries.find((e) => e.name === panel.report && e.allowed);
    if (!entry) return [];
    const query = new URLSearchParams();
    for (const f of FILTERS) {
      const v = q.get(f);
      if (!v || !entry.params.includes(f)) continue;
      if (f === 'period' && !entry.periods.includes(v)) continue;
      query.set(f, v);
    }
    for (const [k, v] of Object.entries(panel.params ?? {})) if (entry.params.includes(k)) query.set(k, v);
    return [{ panel, entry, query, report: null, error: null, downloadError: null }];
  });

  const draw = (focus: boolean): void =>
    show(
      html`<h1 class="govuk-heading-l">${dashboard.title}</h1>
        <p class="govuk-body">${dashboard.intro} Figures come from the live read models; every chart has its table and a CSV download.</p>
        ${available.length > 1 ? tabs(available, dashboard, q) : nothing}
        ${filterBar(dashboard, q)}
        ${panels.map((p) => panelView(p, q, () => draw(false)))}`,
      { focus, title: dashboard.title },
    );
  draw(true);
  await Promise.all(
    panels.map(async (p) => {
      try {
        p.report = (await get<ReportResponse>(`/reports/${p.panel.report}?${p.query.toString()}`)).data;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) throw e;
        p.error = e instanceof ApiError ? (e.problem.errors?.map((x) => x.messages.join('; ')).join('. ') || e.problem.detail || e.problem.title) : String(e);
      }
      draw(false);
    }),
  );
}

function tabs(available: readonly Dashboard[], current: Dashboard, q: URLSearchParams): TemplateResult {
  const keep = Object.fromEntries(FILTERS.map((f) => [f, q.get(f) ?? undefined]));
  return html`<nav class="govuk-tabs app-tabs" aria-label="Dashboards">
    <ul class="govuk-tabs__list">
      ${available.map(
        (d) => html`<li class=${`govuk-tabs__list-item${d.id === current.id ? ' govuk-tabs__list-item--selected' : ''}`}>
          <a class="govuk-tabs__tab" href=${hrefWith(`#/dashboard/${d.id}`, keep)} aria-current=${d.id === current.id ? 'page' : nothing}>${d.title.replace(/ dashboard$/, '')}</a>
        </li>`,
      )}
    </ul>
  </nav>`;
}

function filterBar(dashboard: Dashboard, q: URLSearchParams): TemplateResult {
  const submit = (event: Event): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params: Record<string, string> = {};
    for (const [k, v] of data.entries()) params[k] = String(v).trim();
    go(hrefWith(`#/dashboard/${dashboard.id}`, params));
  };
  return html`<form class="app-filters" @submit=${submit} aria-label="Dashboard filters">
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="dash-from">From</label>
      <input class="govuk-input govuk-input--width-10" id="dash-from" name="from" type="date" .value=${q.get('from') ?? ''}></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="dash-to">To (or as of)</label>
      <input class="govuk-input govuk-input--width-10" id="dash-to" name="to" type="date" .value=${q.get('to') ?? ''}></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="dash-period">Group by</label>
      <select class="govuk-select" id="dash-period" name="period">
        ${PERIODS.map((p) => html`<option value=${p} ?selected=${(q.get('period') ?? 'quarter') === p}>${label(p)}</option>`)}
      </select></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="dash-department">Department</label>
      <input class="govuk-input govuk-input--width-10" id="dash-department" name="department" type="text" .value=${q.get('department') ?? ''}></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="dash-employment">Employment type</label>
      <select class="govuk-select" id="dash-employment" name="employmentType">
        <option value="">Any</option>
        ${EMPLOYMENT_TYPES.map((t) => html`<option value=${t} ?selected=${q.get('employmentType') === t}>${label(t)}</option>`)}
      </select></div>
    <div class="govuk-form-group">
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-top-6 govuk-!-margin-bottom-0">Update dashboard</button>
    </div>
  </form>`;
}

function panelView(p: PanelState, q: URLSearchParams, redraw: () => void): TemplateResult {
  const id = `panel-${p.panel.report}`;
  // Say plainly which of the bar's filters this report cannot take, so no figure is misread.
  const ignored = FILTERS.filter((f) => q.get(f) && (!p.entry.params.includes(f) || (f === 'period' && !p.entry.periods.includes(q.get(f) ?? ''))));
  const download = (): void => {
    p.downloadError = null;
    downloadCsv(p.panel.report, p.query).catch((e: unknown) => {
      p.downloadError = e instanceof Error ? e.message : String(e);
      redraw();
    });
  };
  return html`<section class="app-panel" aria-labelledby=${`${id}-title`} id=${id} data-report=${p.panel.report}>
    <h2 class="govuk-heading-m" id=${`${id}-title`}>${p.panel.heading}</h2>
    <p class="govuk-body-s app-panel__meta">From the report <a class="govuk-link" href=${hrefWith(`#/reports/${p.panel.report}`, Object.fromEntries(p.query))}>${p.entry.title}</a>.
      ${ignored.length > 0 ? html`This report does not take the ${ignored.map((f) => FILTER_LABELS[f]).join(', ')} filter${ignored.length > 1 ? 's' : ''}.` : nothing}
      ${p.entry.params.includes('to') && !p.entry.params.includes('from') ? 'It counts as of the to date (today when none).' : nothing}</p>
    ${p.error
      ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> This chart could not be drawn: ${p.error}</p>`
      : !p.report
        ? html`<p class="govuk-body" role="status">Loading…</p>`
        : html`${p.report.suppression.applied
              ? html`<div class="govuk-inset-text">Counts from 1 to ${p.report.suppression.threshold - 1} are hidden to protect individuals; the chart leaves them out.</div>`
              : nothing}
            ${p.report.rows.length === 0 ? html`<p class="govuk-body">No data for these filters.</p>` : p.panel.chart(p.report)}
            <details class="govuk-details">
              <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Table: ${p.panel.heading.toLowerCase()}</span></summary>
              <div class="govuk-details__text">${reportTable(p.report, p.report.title, `${id}-table`)}</div>
            </details>
            <button type="button" class="govuk-button govuk-button--secondary" @click=${download}>Download CSV<span class="govuk-visually-hidden"> of ${p.panel.heading.toLowerCase()}</span></button>
            ${p.downloadError ? html`<p class="govuk-error-message">${p.downloadError}</p>` : nothing}`}
  </section>`;
}
