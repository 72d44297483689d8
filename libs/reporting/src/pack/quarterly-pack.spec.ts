import {
  PRIMARY_MARK,
  QuarterFormatError,
  SECONDARY_MARK,
  barChart,
  chartOfTable,
  displayCell,
  escapeHtml,
  labelOf,
  londonDateTime,
  parseQuarter,
  quarterRange,
  renderTable,
  suppressTable,
  type PackTableSpec,
  type SuppressedTable,
} from './pack-format';

describe('parseQuarter', () => {
  it('bounds a summer quarter in British Summer Time (London midnight is 23:00 UTC)', () => {
    const q = parseQuarter('2026-Q3');
    expect(q).toMatchObject({ label: '2026-Q3', year: 2026, quarter: 3, firstDay: '2026-07-01', lastDay: '2026-09-30' });
    expect(q.start.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(q.end.toISOString()).toBe('2026-09-30T23:00:00.000Z');
  });

  it('bounds a quarter that starts in GMT and ends in BST', () => {
    const q = parseQuarter('2026-Q1');
    expect(q.start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(q.end.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(q.lastDay).toBe('2026-03-31');
  });

  it('ends Q4 at the new year, in GMT', () => {
    const q = parseQuarter('2026-Q4');
    expect(q.start.toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(q.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(q.lastDay).toBe('2026-12-31');
  });

  it('handles a leap-year first quarter', () => {
    expect(parseQuarter('2028-Q1').lastDay).toBe('2028-03-31');
    expect(parseQuarter('2028-Q1').firstDay).toBe('2028-01-01');
  });

  it.each(['2026-Q5', '2026-Q0', '2026Q3', '26-Q3', '2026-q3x', 'Q3-2026', ''])('refuses %j with a clear message', (text) => {
    expect(() => parseQuarter(text)).toThrow(QuarterFormatError);
    expect(() => parseQuarter(text)).toThrow(/YYYY-Qn.*e\.g\. 2026-Q3/);
  });

  it('writes the range and times in London terms', () => {
    expect(quarterRange(parseQuarter('2026-Q3'))).toBe('1 July 2026 – 30 September 2026');
    expect(londonDateTime(new Date('2026-07-01T08:30:00Z'))).toBe('1 July 2026, 09:30');
    expect(londonDateTime(new Date('2026-12-01T08:30:00Z'))).toBe('1 December 2026, 08:30');
  });
});

describe('escapeHtml', () => {
  it('escapes everything that could open a tag, an entity or an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(escapeHtml('Roads Policing – North')).toBe('Roads Policing – North');
  });
});

describe('labelOf', () => {
  it('turns codes into words, keeping acronyms', () => {
    expect(labelOf('police_officer')).toBe('Police officer');
    expect(labelOf('pcso')).toBe('PCSO');
    expect(labelOf('referred_to_oh')).toBe('Referred to OH');
    expect(labelOf('trim')).toBe('TRiM');
  });
});

const breakdownSpec = (counts: readonly number[]): PackTableSpec => {
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    id: 't',
    caption: 'Test table',
    columns: [
      { name: 'group', heading: 'Group', format: 'text' },
      { name: 'n', heading: 'Number', format: 'count' },
      { name: 'pct', heading: '%', format: 'percent', basis: ['n'] },
    ],
    rows: [
      ...counts.map((n, i) => ({ group: `G${i}`, n, pct: total === 0 ? null : (100 * n) / total })),
      { group: 'All', n: total, pct: 100 },
    ],
    additive: { columns: [{ columns: ['n'], within: [] }] },
    totalLabel: 'All',
  };
};

const shown = (table: SuppressedTable, column = 'n'): string[] =>
  table.rows.map((_, r) => displayCell(table, r, table.spec.columns.find((c) => c.name === column) as PackTableSpec['columns'][number]));

describe('small-number suppression', () => {
  it('shows counts of 1 to 4 as <5 and their percentages withheld; zero and 5+ are shown', () => {
    const table = suppressTable(breakdownSpec([7, 5, 2, 3, 0]));
    expect(shown(table)).toEqual(['7', '5', PRIMARY_MARK, PRIMARY_MARK, '0', '17']);
    expect(shown(table, 'pct')).toEqual(['41.2%', '29.4%', SECONDARY_MARK, SECONDARY_MARK, '0.0%', '100.0%']);
  });

  it('withholds a second count when one small count could be worked out from the total', () => {
    const table = suppressTable(breakdownSpec([9, 2, 0, 20]));
    expect(shown(table)).toEqual([SECONDARY_MARK, PRIMARY_MARK, '0', '20', '31']);
    expect(shown(table, 'pct')).toEqual([SECONDARY_MARK, SECONDARY_MARK, '0.0%', '64.5%', '100.0%']);
  });

  it('treats 5 as safe and 4 as small', () => {
    expect(shown(suppressTable(breakdownSpec([5, 5])))).toEqual(['5', '5', '10']);
    expect(shown(suppressTable(breakdownSpec([4, 4])))).toEqual([PRIMARY_MARK, PRIMARY_MARK, '8']);
  });

  it('withholds a small total too', () => {
    expect(shown(suppressTable(breakdownSpec([3, 0])))).toEqual([PRIMARY_MARK, '0', PRIMARY_MARK]);
  });

  it('withholds a rate whose numerator or complement is small', () => {
    const spec: PackTableSpec = {
      id: 'rate',
      caption: 'Retention',
      columns: [
        { name: 'cohort', heading: 'Cohort', format: 'text' },
        { name: 'outcomes', heading: 'Outcomes', format: 'count' },
        { name: 'stayed', heading: 'Stayed', format: 'count' },
        { name: 'left', heading: 'Left', format: 'count' },
        { name: 'rate', heading: 'Rate', format: 'percent', basis: ['stayed', 'outcomes', 'left'] },
      ],
      rows: [
        { cohort: 'A', outcomes: 10, stayed: 8, left: 2, rate: 80 },
        { cohort: 'B', outcomes: 20, stayed: 10, left: 10, rate: 50 },
      ],
      additive: { rows: [['outcomes', 'stayed', 'left']] },
    };
    const table = suppressTable(spec);
    expect(shown(table, 'left')).toEqual([PRIMARY_MARK, '10']);
    expect(shown(table, 'rate')).toEqual([SECONDARY_MARK, '50.0%']);
    // `left` alone hidden would follow from outcomes − stayed, so the smaller of those goes too.
    expect(shown(table, 'stayed')).toEqual([SECONDARY_MARK, '10']);
    expect(shown(table, 'outcomes')).toEqual(['10', '20']);
  });
});

describe('renderTable', () => {
  it('escapes labels, marks totals and notes any suppression', () => {
    const spec = breakdownSpec([7, 2]);
    const html = renderTable(
      suppressTable({ ...spec, caption: '<b>caption</b>', rows: spec.rows.map((r, i) => (i === 0 ? { ...r, group: '<img src=x onerror=alert(1)>' } : r)) }),
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<caption>&lt;b&gt;caption&lt;/b&gt;</caption>');
    expect(html).toContain('<tr class="total"><th scope="row">All</th><td class="num">9</td>');
    expect(html).toContain('<td class="num">&lt;5</td>');
    expect(html).toContain('see note 1');
  });

  it('says so when a table has no rows, and adds no suppression note when none was needed', () => {
    const html = renderTable(suppressTable({ ...breakdownSpec([]), rows: [] }));
    expect(html).toContain('None this quarter.');
    expect(html).not.toContain('see note 1');
  });
});

describe('barChart', () => {
  const svg = barChart({
    title: 'Leavers & <reasons>',
    width: 460,
    bars: [
      { label: 'Resignation', value: 10, display: '10' },
      { label: 'Retirement', value: 5, display: '5' },
      { label: 'Dismissal', value: null, display: '<5' },
    ],
  });

  it('is one inline SVG element with an accessible, escaped title and no external reference', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('aria-label="Leavers &amp; &lt;reasons&gt;"');
    expect(svg).toContain('<title>Leavers &amp; &lt;reasons&gt;</title>');
    expect(svg).not.toMatch(/href|url\(|<script|<image/);
  });

  it('scales bars to the largest value and draws no bar for a withheld value', () => {
    // plot width = 460 − 200 (labels) − 60 (values) = 200.
    expect(svg).toContain('<rect x="200" y="28" width="200" height="20" fill="#1d70b8"/>');
    expect(svg).toContain('<rect x="200" y="56" width="100" height="20" fill="#1d70b8"/>');
    expect(svg).toContain('class="withheld"');
    expect(svg.match(/fill="#1d70b8"/g)).toHaveLength(2);
    expect(svg).toContain('>&lt;5</text>');
    expect(svg).toContain('viewBox="0 0 460 116"');
  });

  it('draws zero-length bars when every value is zero, without dividing by zero', () => {
    const zero = barChart({ title: 'None', bars: [{ label: 'A', value: 0, display: '0' }] });
    expect(zero).toContain('width="0" height="20"');
    expect(zero).not.toContain('NaN');
  });

  it('charts a suppressed table without its total row and without the size of a withheld bar', () => {
    const chart = chartOfTable(suppressTable(breakdownSpec([9, 2, 0, 20])), 'Test', 'group', 'n');
    expect(chart).not.toContain('>All<');
    expect(chart.match(/class="withheld"/g)).toHaveLength(2);
    expect(chart).toContain('>[c]</text>');
    expect(chart).toContain('>20</text>');
  });
});
