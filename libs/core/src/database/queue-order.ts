/**
 * How every staff queue sorts: a key and a direction, chosen from fixed lists, mapped to
 * fixed SQL. Each key's terms are written ascending and `desc` flips every term (nulls
 * placement too); user input only ever picks a key, never reaches the SQL. The case id
 * breaks ties, always ascending, so paging is deterministic in both directions.
 */
export const QUEUE_SORTS = ['due', 'submitted', 'name', 'department', 'status'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** How a queue is sorted; `due` (the default) is each queue's working order. */
export interface QueueSorting {
  readonly sort?: QueueSort;
  readonly order?: SortOrder;
}

export function queueOrder(terms: Readonly<Record<QueueSort, readonly string[]>>, idColumn: string, sorting: QueueSorting = {}): string {
  const chosen = terms[sorting.sort ?? 'due'];
  const directed = sorting.order === 'desc' ? chosen.map(flipDirection) : chosen;
  return `order by ${[...directed, `${idColumn} asc`].join(', ')}`;
}

const SWAP: Readonly<Record<string, string>> = { asc: 'desc', desc: 'asc', last: 'first', first: 'last' };

export function flipDirection(term: string): string {
  return term.replace(/ (asc|desc)( nulls (last|first))?$/, (_, dir: string, nulls?: string, where?: string) =>
    ` ${SWAP[dir]}${nulls && where ? ` nulls ${SWAP[where]}` : ''}`,
  );
}
