import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, get } from '../api';
import { barChart, type Series } from '../chart';
import { label } from '../format';
import { screen } from '../layout';
import { go, hrefWith, type Route } from '../router';
import { catalogue, downloadCsv as download, reportTable, type CatalogueEntry, type ReportResponse } from '../report-api';
import { EMPLOYMENT_TYPES } from './referrals';

export async function reportsIndex(): Promise<void> {
  const show = screen();
  const list = (await catalogue()).filter((e) => e.allowed);
  show(
    html`<h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">Figures come from the live read models. Each report has a chart, the table behind it and a CSV download.</p>
      ${list.length === 0
        ? html`<p class="govuk-body">No report is open to your role.</p>`
        : html`<ul class="govuk-list">
            ${list.map(
              (e) => html`<li class="govuk-!-margin-bottom-4">
                <a class="govuk-link govuk-!-font-weight-bold" href=${`#/reports/${e.name}`}>${e.title}</a>
                <p class="govuk-body-s govuk-!-margin-bottom-0">${e.description}</p>
              </li>`,
            )}
          </ul>`}`,
    { focus: true, title: 'Reports' },
  );
}

export async function reportView(name: string, route: Route): Promise<void> {
  const show = screen();
  const entry = (await catalogue()).find((e) => e.name === name);
  if (!entry) throw new ApiError(404, { title: 'No such report', status: 404 });
  if (!entry.allowed) throw new ApiError(403, { title: 'Not for your role', status: 403 });
  const query = new URLSearchParams();
  for (const p of ['from', 'to', 'period', 'department', 'employmentType']) {
    const v = route.query.get(p);
    if (v && entry.params.includes(p)) query.set(p, v);
  }
  let report: ReportResponse | null = null;
  let problem: string | null = null;
  try {
    report = (await get<ReportResponse>(`/reports/${name}?${query.toString()}`)).data;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status === 401 || e.status === 403) throw e;
    problem = e.problem.errors?.map((x) => `${x.field}: ${x.messages.join('; ')}`).join('. ') || e.problem.detail || e.problem.title;
  }
  let downloadError: string | null = null;
  const draw = (focus: boolean): void =>
    show(
      html`<a href="#/reports" class="govuk-back-link">Back to reports</a>
        <h1 class="govuk-heading-l">${entry.title}</h1>
        <p class="govuk-body">${entry.description}</p>
        ${filters(entry, route.query, name)}
        ${problem
          ? html`<div class="govuk-error-summary" tabindex="-1"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body"><p class="govuk-body">${problem}</p></div></div></div>`
          : nothing}
        ${report ? body(report, () => download(name, query).catch((e: unknown) => ((downloadError = String(e instanceof Error ? e.message : e)), draw(false)))) : nothing}
        ${downloadError ? html`<p class="govuk-error-message">${downloadError}</p>` : nothing}`,
      { focus, title: entry.title },
    );
  draw(true);
}

function filters(entry: CatalogueEntry, q: URLSearchParams, name: string): TemplateResult {
  const submit = (event: Event): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params: Record<string, string> = {};
    for (const [k, v] of data.entries()) params[k] = String(v).trim();
    go(hrefWith(`#/reports/${name}`, params));
  };
  const has = (p: string): boolean => entry.params.includes(p);
  return html`<form class="app-filters" @submit=${submit} aria-label="Report filters">
    ${has('from') ? dateInput('from', 'From', q.get('from')) : nothing}
    ${has('to') ? dateInput('to', entry.params.includes('from') ? 'To' : 'As of', q.get('to')) : nothing}
    ${has('period') && entry.periods.length > 0
      ? html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="report-period">Period</label>
          <select class="govuk-select" id="report-period" name="period">
            ${entry.periods.map((p) => html`<option value=${p} ?selected=${q.get('period') === p}>${label(p)}</option>`)}
          </select></div>`
      : nothing}
    ${has('department')
      ? html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="report-department">Department</label>
          <input class="govuk-input govuk-input--width-10" id="report-department" name="department" type="text" .value=${q.get('department') ?? ''}></div>`
      : nothing}
    ${has('employmentType')
      ? html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="report-employment">Employment type</label>
          <select class="govuk-select" id="report-employment" name="employmentType">
            <option value="">Any</option>
            ${EMPLOYMENT_TYPES.map((t) => html`<option value=${t} ?selected=${q.get('employmentType') === t}>${label(t)}</option>`)}
          </select></div>`
      : nothing}
    <div class="govuk-form-group">
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-top-6 govuk-!-margin-bottom-0">Update report</button>
    </div>
  </form>`;
}

function dateInput(name: string, text: string, value: string | null): TemplateResult {
  return html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for=${`report-${name}`}>${text}</label>
    <input class="govuk-input govuk-input--width-10" id=${`report-${name}`} name=${name} type="date" .value=${value ?? ''}></div>`;
}

function body(report: ReportResponse, onDownload: () => void): TemplateResult {
  const dims = report.columns.filter((c) => c.kind === 'dimension').map((c) => c.name);
  const measure = report.columns.find((c) => c.kind === 'count')?.name;
  const series: Series[] =
    measure && dims.length > 0
      ? report.rows.map((r) => ({ x: String(r[dims[0]!] ?? '—'), group: dims[1] ? String(r[dims[1]] ?? '') : '', value: Number(r[measure] ?? 0) || 0 }))
      : [];
  return html`${report.suppression.applied
      ? html`<div class="govuk-inset-text">Counts from 1 to ${report.suppression.threshold - 1} are hidden to protect individuals (shown as “suppressed”).</div>`
      : nothing}
    ${measure ? barChart(`${label(measure)} by ${dims.slice(0, 2).map((d) => label(d).toLowerCase()).join(' and ')}`, series) : nothing}
    <button type="button" class="govuk-button govuk-button--secondary" id="download-csv" @click=${onDownload}>Download this table as CSV</button>
    ${reportTable(report, report.title, 'report-table')}
    <p class="govuk-body-s">Data as of ${report.freshness.checkpointAt ? new Date(report.freshness.checkpointAt).toLocaleString('en-GB') : 'now'}.</p>`;
}
