/** Hash routes (`#/referrals/<id>?tab=…`): API paths are never shadowed by the app. */
export interface Route {
  /** Path segments after `#/`. */
  readonly parts: readonly string[];
  readonly query: URLSearchParams;
  readonly hash: string;
}

export function currentRoute(): Route {
  const hash = location.hash.startsWith('#/') ? location.hash : '#/';
  const [path = '', search = ''] = hash.slice(2).split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search), hash };
}

export function go(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** `#/referrals` + `{ view: 'mine', page: '' }` → `#/referrals?view=mine` (empty values dropped). */
export function hrefWith(base: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
