/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The browser app is type-checked by the root program too (it includes apps/); the DOM lib
// comes from here rather than from the root tsconfig, which is for Node code.

declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;
}
