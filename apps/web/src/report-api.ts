import { html, type TemplateResult } from 'lit-html';
import { get } from './api';
import { label } from './format';
import { readSession } from './session';

/** GET /reports: the catalogue, each entry saying whether the caller may run it. */
export interface CatalogueEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly string[];
  readonly periods: readonly string[];
  readonly allowed: boolean;
}

export type Cell = string | number | null;

/** GET /reports/{name}: columns, rows (null = suppressed count), freshness, suppression. */
export interface ReportResponse {
  readonly report: string;
  readonly title: string;
  readonly filters: Record<string, unknown>;
  readonly freshness: { readonly checkpointAt: string | null; readonly lagSeconds: number };
  readonly suppression: { readonly applied: boolean; readonly threshold: number; readonly notes: readonly string[] };
  readonly columns: readonly { readonly name: string; readonly kind: string }[];
  readonly rows: readonly Record<string, Cell>[];
}

export async function catalogue(): Promise<CatalogueEntry[]> {
  const data = (await get<CatalogueEntry[] | { reports: CatalogueEntry[] }>('/reports')).data;
  return Array.isArray(data) ? data : data.reports;
}

/** A report's own table, exactly as the API (and its CSV) gives it. */
export function reportTable(report: ReportResponse, caption: string, id?: string): TemplateResult {
  return html`<div class="app-table-wrap">
    <table class="govuk-table" id=${id ?? `table-${report.report}`}>
      <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        ${report.columns.map((c) => html`<th scope="col" class=${`govuk-table__header${c.kind === 'dimension' ? '' : ' govuk-table__header--numeric'}`}>${label(c.name)}</th>`)}
      </tr></thead>
      <tbody class="govuk-table__body">
        ${report.rows.length === 0
          ? html`<tr class="govuk-table__row"><td class="govuk-table__cell" colspan=${report.columns.length}>No data for these filters.</td></tr>`
          : report.rows.map(
              (r) => html`<tr class="govuk-table__row">
                ${report.columns.map((c) => {
                  const v = r[c.name];
                  const shown = v === null || v === undefined ? (c.kind === 'dimension' ? '—' : 'suppressed') : c.kind === 'dimension' && /^[a-z_]+$/.test(String(v)) ? label(String(v)) : String(v);
                  return html`<td class=${`govuk-table__cell${c.kind === 'dimension' ? '' : ' govuk-table__cell--numeric'}`}>${shown}</td>`;
                })}
              </tr>`,
            )}
      </tbody>
    </table>
  </div>`;
}

/** CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
export async function downloadCsv(name: string, query: URLSearchParams): Promise<void> {
  const q = new URLSearchParams(query);
  q.set('format', 'csv');
  const session = readSession();
  const res = await fetch(`/reports/${name}?${q.toString()}`, {
    headers: { Accept: 'text/csv', ...(session ? { Authorization: `Bearer ${session.accessToken}` } : {}) },
  });
  if (!res.ok) throw new Error(`The CSV could not be downloaded (${res.status})`);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${name}.csv`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
