/**
 * The kinds of traumatic incident a force records, each with a severity weight that the
 * repeat-exposure register can count by. The list is data: a force may rename, re-weight,
 * add or drop types, so the domain types an incident's `type` as a plain code.
 */
export interface IncidentTypeDefinition {
  /** Stable code stored in events, e.g. `fatal_road_collision`. Never renamed once used. */
  readonly code: string;
  readonly label: string;
  /** 1 (distressing) to 5; the default list uses 1–3. */
  readonly weight: number;
}

export type IncidentTaxonomy = readonly IncidentTypeDefinition[];

export const MIN_SEVERITY_WEIGHT = 1;
export const MAX_SEVERITY_WEIGHT = 5;

/** The default taxonomy; a force overrides it whole. */
export const DEFAULT_INCIDENT_TAXONOMY: IncidentTaxonomy = [
  { code: 'death_of_child', label: 'Death of a child', weight: 3 },
  { code: 'fatal_road_collision', label: 'Fatal road collision', weight: 2 },
  { code: 'suicide_or_sudden_death', label: 'Suicide or sudden death', weight: 2 },
  { code: 'serious_assault_on_officer', label: 'Serious assault on an officer', weight: 2 },
  { code: 'firearms_discharge', label: 'Firearms discharge', weight: 3 },
  { code: 'cse_indecent_image_review', label: 'CSE / indecent-image review', weight: 2 },
  { code: 'major_incident', label: 'Major incident / mass casualty', weight: 3 },
  { code: 'other', label: 'Other traumatic incident', weight: 1 },
];

export function incidentTypeOf(taxonomy: IncidentTaxonomy, code: string): IncidentTypeDefinition | undefined {
  return taxonomy.find((entry) => entry.code === code);
}

const CODE = /^[a-z][a-z0-9_]*$/;

function isWeight(weight: unknown): boolean {
  return (
    typeof weight === 'number' &&
    Number.isInteger(weight) &&
    weight >= MIN_SEVERITY_WEIGHT &&
    weight <= MAX_SEVERITY_WEIGHT
  );
}

/**
 * Every problem with a force's taxonomy, in words an administrator can act on; empty when
 * it is usable. Taxonomies come from JSON files, so nothing about their shape is assumed.
 */
export function validateTaxonomy(taxonomy: IncidentTaxonomy): string[] {
  const list: unknown = taxonomy;
  if (!Array.isArray(list)) return [`the taxonomy must be a list of incident types, got ${JSON.stringify(list)}`];
  if (list.length === 0) return ['the taxonomy must list at least one incident type'];
  const problems: string[] = [];
  const seen = new Set<string>();
  list.forEach((item: unknown, i) => {
    const { code, label, weight } = (item ?? {}) as { code?: unknown; label?: unknown; weight?: unknown };
    if (typeof code !== 'string' || !CODE.test(code)) {
      problems.push(`[${i}].code must be lower_snake_case, got ${JSON.stringify(code)}`);
    } else if (seen.has(code)) {
      problems.push(`[${i}].code repeats ${code}: each incident type is listed once`);
    }
    if (typeof code === 'string') seen.add(code);
    if (typeof label !== 'string' || label.trim().length === 0) {
      problems.push(`[${i}].label must be a non-empty text, got ${JSON.stringify(label)}`);
    }
    if (!isWeight(weight)) {
      const range = `${MIN_SEVERITY_WEIGHT} to ${MAX_SEVERITY_WEIGHT}`;
      problems.push(`[${i}].weight must be a whole number from ${range}, got ${JSON.stringify(weight)}`);
    }
  });
  return problems;
}
