import {
  DEFAULT_INCIDENT_TAXONOMY,
  incidentTypeOf,
  validateTaxonomy,
  type IncidentTaxonomy,
} from './incident-taxonomy';

describe('the incident taxonomy', () => {
  it('by default lists the incidents the brief names, weighted 1 to 3', () => {
    expect(DEFAULT_INCIDENT_TAXONOMY.map((t) => [t.code, t.weight])).toEqual([
      ['death_of_child', 3],
      ['fatal_road_collision', 2],
      ['suicide_or_sudden_death', 2],
      ['serious_assault_on_officer', 2],
      ['firearms_discharge', 3],
      ['cse_indecent_image_review', 2],
      ['major_incident', 3],
      ['other', 1],
    ]);
    expect(validateTaxonomy(DEFAULT_INCIDENT_TAXONOMY)).toEqual([]);
  });

  it('finds a type by its code', () => {
    expect(incidentTypeOf(DEFAULT_INCIDENT_TAXONOMY, 'firearms_discharge')).toEqual({
      code: 'firearms_discharge',
      label: 'Firearms discharge',
      weight: 3,
    });
    expect(incidentTypeOf(DEFAULT_INCIDENT_TAXONOMY, 'Firearms discharge')).toBeUndefined();
  });

  it('a force may replace it with its own list', () => {
    expect(validateTaxonomy([{ code: 'death_in_custody', label: 'Death in custody', weight: 5 }])).toEqual([]);
  });

  it('lists every problem, naming where it is', () => {
    const broken = [
      { code: 'death_of_child', label: 'Death of a child', weight: 3 },
      { code: 'death_of_child', label: 'Child death', weight: 0 },
      { code: 'Fatal RTC', label: ' ', weight: 2.5 },
      { label: 'No code', weight: 6 },
      null,
    ] as unknown as IncidentTaxonomy;
    expect(validateTaxonomy(broken)).toEqual([
      '[1].code repeats death_of_child: each incident type is listed once',
      '[1].weight must be a whole number from 1 to 5, got 0',
      '[2].code must be lower_snake_case, got "Fatal RTC"',
      '[2].label must be a non-empty text, got " "',
      '[2].weight must be a whole number from 1 to 5, got 2.5',
      '[3].code must be lower_snake_case, got undefined',
      '[3].weight must be a whole number from 1 to 5, got 6',
      '[4].code must be lower_snake_case, got undefined',
      '[4].label must be a non-empty text, got undefined',
      '[4].weight must be a whole number from 1 to 5, got undefined',
    ]);
  });

  it('must be a non-empty list', () => {
    expect(validateTaxonomy([])).toEqual(['the taxonomy must list at least one incident type']);
    expect(validateTaxonomy({} as unknown as IncidentTaxonomy)).toEqual([
      'the taxonomy must be a list of incident types, got {}',
    ]);
  });
});
