import { html, nothing, type TemplateResult } from 'lit-html';
import { get } from '../api';
import { announce } from '../app-state';
import { whenNamesLoaded } from '../directory';
import { countdown, dateTime, label } from '../format';
import { screen } from '../layout';
import { go, hrefWith, type Route } from '../router';

/** What every case queue item carries, whatever the workflow. */
export interface QueueItem {
  readonly status: string;
  readonly nextDeadline: { readonly kind: string; readonly dueAt: string } | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
  readonly [key: string]: unknown;
}

interface QueuePage {
  readonly items: readonly QueueItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface QueueColumn {
  readonly header: string;
  readonly cell: (item: QueueItem) => TemplateResult | string;
}

export interface QueueFilter {
  readonly name: string;
  readonly label: string;
  /** Choices for a select; free text when absent. */
  readonly options?: readonly string[];
}

export interface QueueConfig {
  readonly title: string;
  readonly endpoint: string;
  /** `#/referrals`: links to items are `${route}/${id}`. */
  readonly route: string;
  readonly idOf: (item: QueueItem) => string;
  readonly nameOf: (item: QueueItem) => string;
  readonly views?: readonly (readonly [string, string])[];
  readonly defaultView?: string;
  readonly filters?: readonly QueueFilter[];
  readonly columns: readonly QueueColumn[];
  /** Shown above the table (e.g. a "refer someone" link). */
  readonly intro?: () => TemplateResult | typeof nothing;
  /** Reshape an item the API sends differently (e.g. flat next-deadline columns). */
  readonly normalise?: (item: QueueItem) => QueueItem;
  /** How the view param is sent (incidents take overdue=true instead of view). */
  readonly viewParam?: (view: string) => Record<string, string | undefined>;
  /**
   * The keys the endpoint sorts the whole queue by (`sort`, with `order`), first the
   * default; absent, the queue shows in the server's one fixed order and offers no sort.
   */
  readonly sorts?: readonly (readonly [string, string])[];
}

/**
 * The sort keys every sorting staff queue takes, with what `submitted` means on it: the
 * server sorts the whole queue, and breaks ties by case id, so paging is stable.
 */
export function queueSorts(submitted: string, due = 'Queue order (overdue first, then next deadline)'): readonly (readonly [string, string])[] {
  return [
    ['due', due],
    ['submitted', submitted],
    ['name', 'Name'],
    ['department', 'Department'],
    ['status', 'Status'],
  ];
}
const ORDERS: readonly (readonly [string, string])[] = [
  ['asc', 'Ascending (A to Z, oldest first)'],
  ['desc', 'Descending (Z to A, newest first)'],
];
const POLL_MS = 5000;

/** A live work queue: tabs, filters, sort, paging, countdowns and badges, refreshed in place. */
export async function queueView(config: QueueConfig, route: Route): Promise<() => void> {
  const show = screen();
  const q = route.query;
  const view = q.get('view') ?? config.defaultView ?? 'all';
  const page = Math.max(1, Number(q.get('page') ?? '1') || 1);
  // Only a key the queue offers is sent; anything else in the hash falls back to the default.
  const sorting: Record<string, string> = {};
  if (config.sorts?.some(([k]) => k === q.get('sort'))) sorting.sort = q.get('sort') ?? '';
  if (config.sorts && ORDERS.some(([k]) => k === q.get('order'))) sorting.order = q.get('order') ?? '';
  const filterValues: Record<string, string> = {};
  for (const f of config.filters ?? []) filterValues[f.name] = q.get(f.name) ?? '';
  const base = (extra: Record<string, string | undefined>): string =>
    hrefWith(config.route, { view: config.views ? view : undefined, ...sorting, ...filterValues, ...extra });

  let data: QueuePage | null = null;
  let error: string | null = null;
  let first = true;

  const load = async (): Promise<void> => {
    const params = new URLSearchParams({ page: String(page), pageSize: '25' });
    if (config.views) for (const [k, v] of Object.entries(config.viewParam ? config.viewParam(view) : { view })) if (v) params.set(k, v);
    for (const [k, v] of Object.entries({ ...filterValues, ...sorting })) if (v) params.set(k, v);
    try {
      const raw = (await get<QueuePage>(`${config.endpoint}?${params.toString()}`)).data;
      const next = config.normalise ? { ...raw, items: raw.items.map(config.normalise) } : raw;
      if (data && !first) describeChanges(data, next, config);
      data = next;
      error = null;
    } catch (e) {
      if (first) throw e;
      error = 'The queue could not be refreshed; it will try again shortly.';
    }
    draw();
    if (first) {
      first = false;
      const heading = document.querySelector<HTMLElement>('#view h1');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    }
  };

  const draw = (): void => {
    if (!data) return;
    const items = data.items;
    const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
    const from = data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1;
    const to = Math.min(data.total, data.page * data.pageSize);
    show(
      html`<h1 class="govuk-heading-l">${config.title}</h1>
        ${config.intro ? config.intro() : nothing}
        ${config.views ? tabs(config, view, (v) => hrefWith(config.route, { view: v, ...sorting, ...filterValues })) : nothing}
        ${filtersForm(config, filterValues, sorting, view)}
        ${error ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${error}</strong></div>` : nothing}
        <p class="govuk-body" id="queue-count">${data.total === 0 ? 'Nothing to show.' : `Showing ${from} to ${to} of ${data.total}`}
          <span class="govuk-body-s govuk-!-margin-left-2">Refreshes every few seconds.</span></p>
        ${data.total === 0 && view === 'mine' && config.views?.some(([v]) => v === 'unassigned')
          ? html`<p class="govuk-body">Nothing is assigned to you. <a class="govuk-link" href=${hrefWith(config.route, { view: 'unassigned' })}>See unassigned cases</a>.</p>`
          : nothing}
        ${items.length > 0 ? table(config, items) : nothing}
        ${pages > 1 ? pagination(data.page, pages, (p) => base({ page: String(p) })) : nothing}`,
      { title: config.title },
    );
  };

  await load();
  const timer = window.setInterval(() => void load(), POLL_MS);
  const tick = window.setInterval(draw, 1000);
  const onFocus = (): void => void load();
  window.addEventListener('focus', onFocus);
  const stopNames = whenNamesLoaded(draw);
  return () => {
    stopNames();
    window.clearInterval(timer);
    window.clearInterval(tick);
    window.removeEventListener('focus', onFocus);
  };
}

function describeChanges(before: QueuePage, after: QueuePage, config: QueueConfig): void {
  const sig = (i: QueueItem): string => JSON.stringify([i.status, i.overdue, i.escalationLevel, i.nextDeadline, i.revision ?? null]);
  const old = new Map(before.items.map((i) => [config.idOf(i), sig(i)]));
  let added = 0;
  let changed = 0;
  let overdue = 0;
  for (const item of after.items) {
    const prior = old.get(config.idOf(item));
    if (prior === undefined) added++;
    else if (prior !== sig(item)) {
      changed++;
      if (item.overdue && !(JSON.parse(prior) as unknown[])[1]) overdue++;
    }
  }
  const removed = before.items.filter((i) => !after.items.some((a) => config.idOf(a) === config.idOf(i))).length;
  const parts = [
    added ? `${added} new` : '',
    changed ? `${changed} changed` : '',
    overdue ? `${overdue} now overdue` : '',
    removed ? `${removed} left this list` : '',
  ].filter(Boolean);
  if (parts.length > 0) announce(`Queue updated: ${parts.join(', ')}.`);
}

function tabs(config: QueueConfig, view: string, href: (v: string) => string): TemplateResult {
  return html`<nav class="govuk-tabs app-tabs" aria-label="Queue views">
    <ul class="govuk-tabs__list">
      ${(config.views ?? []).map(
        ([v, text]) => html`<li class=${`govuk-tabs__list-item${v === view ? ' govuk-tabs__list-item--selected' : ''}`}>
          <a class="govuk-tabs__tab" href=${href(v)} aria-current=${v === view ? 'page' : nothing}>${text}</a>
        </li>`,
      )}
    </ul>
  </nav>`;
}

function filtersForm(config: QueueConfig, values: Record<string, string>, sorting: Record<string, string>, view: string): TemplateResult {
  const submit = (event: Event): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params: Record<string, string> = { view: config.views ? view : '' };
    for (const [k, v] of data.entries()) params[k] = String(v).trim();
    go(hrefWith(config.route, params));
  };
  return html`<form class="app-filters" @submit=${submit} aria-label=${config.sorts ? 'Filter and sort' : 'Filter'}>
    ${(config.filters ?? []).map((f) =>
      f.options
        ? html`<div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for=${`filter-${f.name}`}>${f.label}</label>
            <select class="govuk-select" id=${`filter-${f.name}`} name=${f.name}>
              <option value="">Any</option>
              ${f.options.map((o) => html`<option value=${o} ?selected=${values[f.name] === o}>${label(o)}</option>`)}
            </select>
          </div>`
        : html`<div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for=${`filter-${f.name}`}>${f.label}</label>
            <input class="govuk-input govuk-input--width-10" id=${`filter-${f.name}`} name=${f.name} type="text" .value=${values[f.name] ?? ''}>
          </div>`,
    )}
    ${config.sorts ? sortFields(config.sorts, sorting) : nothing}
    <div class="govuk-form-group">
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-top-6 govuk-!-margin-bottom-0">Apply</button>
    </div>
  </form>`;
}

/** The server sorts the whole queue; the first key (and ascending) is the default. */
function sortFields(sorts: readonly (readonly [string, string])[], sorting: Record<string, string>): TemplateResult {
  const sort = sorting.sort ?? sorts[0]?.[0];
  const order = sorting.order ?? 'asc';
  return html`<div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for="filter-sort">Sort by</label>
      <select class="govuk-select" id="filter-sort" name="sort">
        ${sorts.map(([v, text]) => html`<option value=${v} ?selected=${v === sort}>${text}</option>`)}
      </select>
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for="filter-order">Order</label>
      <select class="govuk-select" id="filter-order" name="order">
        ${ORDERS.map(([v, text]) => html`<option value=${v} ?selected=${v === order}>${text}</option>`)}
      </select>
    </div>`;
}

function table(config: QueueConfig, items: readonly QueueItem[]): TemplateResult {
  return html`<div class="app-table-wrap"><table class="govuk-table" id="queue-table">
    <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">${config.title}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Name</th>
      ${config.columns.map((c) => html`<th scope="col" class="govuk-table__header">${c.header}</th>`)}
      <th scope="col" class="govuk-table__header">Status</th>
      <th scope="col" class="govuk-table__header">Next deadline</th>
      <th scope="col" class="govuk-table__header">Flags</th>
    </tr></thead>
    <tbody class="govuk-table__body">
      ${items.map(
        (item) => html`<tr class="govuk-table__row" data-id=${config.idOf(item)}>
          <th scope="row" class="govuk-table__header"><a class="govuk-link" href=${`${config.route}/${config.idOf(item)}`}>${config.nameOf(item)}</a></th>
          ${config.columns.map((c) => html`<td class="govuk-table__cell">${c.cell(item)}</td>`)}
          <td class="govuk-table__cell">${label(item.status)}</td>
          <td class="govuk-table__cell">${deadlineCell(item)}</td>
          <td class="govuk-table__cell app-badges">${badges(item)}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

export function deadlineCell(item: Pick<QueueItem, 'nextDeadline'>): TemplateResult | string {
  if (!item.nextDeadline) return '—';
  const c = countdown(item.nextDeadline.dueAt);
  return html`${label(item.nextDeadline.kind)}<br>
    <span class=${c.overdue ? 'app-countdown--overdue' : ''}>${c.text}</span><br>
    <span class="govuk-body-s">${dateTime(item.nextDeadline.dueAt)}</span>`;
}

export function badges(item: Pick<QueueItem, 'overdue' | 'escalationLevel'> & { urgency?: unknown }): TemplateResult {
  return html`${item.urgency === 'urgent' ? html`<strong class="govuk-tag govuk-tag--pink">Urgent</strong>` : nothing}
    ${item.overdue ? html`<strong class="govuk-tag govuk-tag--red" data-badge="overdue">Overdue</strong>` : nothing}
    ${item.escalationLevel > 0 ? html`<strong class="govuk-tag govuk-tag--orange" data-badge="escalated">Escalated (level ${item.escalationLevel})</strong>` : nothing}`;
}

function pagination(page: number, pages: number, href: (p: number) => string): TemplateResult {
  return html`<nav class="govuk-pagination" aria-label="Pagination">
    ${page > 1
      ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href=${href(page - 1)} rel="prev">
          <span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>`
      : nothing}
    <ul class="govuk-pagination__list">
      <li class="govuk-pagination__item govuk-pagination__item--current"><span class="govuk-body">Page ${page} of ${pages}</span></li>
    </ul>
    ${page < pages
      ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href=${href(page + 1)} rel="next">
          <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>`
      : nothing}
  </nav>`;
}
