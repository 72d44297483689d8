/**
 * What a stay interview is about, as a force's taxonomy lists it. The default is the
 * drivers HR already reports leavers by, so stay and exit themes can be read side by side.
 * The list is data: a force may add or drop themes, so the domain types a theme as a code.
 */
export interface StayThemeDefinition {
  /** Stable code stored in events, e.g. `workload`. Never renamed once used. */
  readonly code: string;
  readonly label: string;
}

export type StayThemeTaxonomy = readonly StayThemeDefinition[];

/** The default taxonomy; a force overrides it whole. */
export const DEFAULT_STAY_THEMES: StayThemeTaxonomy = [
  { code: 'pay', label: 'Pay' },
  { code: 'development', label: 'Development' },
  { code: 'promotion', label: 'Promotion' },
  { code: 'workload', label: 'Workload' },
  { code: 'flexibility', label: 'Flexible working' },
  { code: 'culture', label: 'Culture' },
  { code: 'management', label: 'Management' },
  { code: 'bullying_harassment_discrimination', label: 'Bullying, harassment or discrimination' },
  { code: 'relocation', label: 'Relocation' },
  { code: 'personal', label: 'Personal reasons' },
];

/** The first of `codes` the taxonomy does not list, if any. */
export function unknownTheme(taxonomy: StayThemeTaxonomy, codes: readonly string[]): string | undefined {
  return codes.find((code) => !taxonomy.some((theme) => theme.code === code));
}

const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * Every problem with a force's theme taxonomy at `name`, in words an administrator can
 * act on; empty when it is usable. Nothing about its shape is assumed.
 */
export function validateThemeTaxonomy(taxonomy: unknown, name: string): string[] {
  if (!Array.isArray(taxonomy)) return [`${name} must be a list of themes, got ${JSON.stringify(taxonomy)}`];
  if (taxonomy.length === 0) return [`${name} must list at least one theme`];
  const problems: string[] = [];
  const seen = new Set<string>();
  taxonomy.forEach((item: unknown, i) => {
    const { code, label } = (item ?? {}) as { code?: unknown; label?: unknown };
    if (typeof code !== 'string' || !CODE.test(code)) {
      problems.push(`${name}[${i}].code must be lower_snake_case, got ${JSON.stringify(code)}`);
    } else if (seen.has(code)) {
      problems.push(`${name}[${i}].code repeats ${code}: each theme is listed once`);
    }
    if (typeof code === 'string') seen.add(code);
    if (typeof label !== 'string' || label.trim().length === 0) {
      problems.push(`${name}[${i}].label must be a non-empty text, got ${JSON.stringify(label)}`);
    }
  });
  return problems;
}
