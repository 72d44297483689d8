import { lengthOfServiceBand } from './length-of-service';

describe('length-of-service bands', () => {
  it.each([
    ['2020-03-15', '2020-03-15', '<1y'],
    ['2020-03-15', '2021-03-14', '<1y'],
    ['2020-03-15', '2021-03-15', '1-2y'],
    ['2020-03-15', '2022-03-14', '1-2y'],
    ['2020-03-15', '2022-03-15', '2-5y'],
    ['2020-03-15', '2025-03-14', '2-5y'],
    ['2020-03-15', '2025-03-15', '5-10y'],
    ['2010-03-15', '2020-03-14', '5-10y'],
    ['2010-03-15', '2020-03-15', '10-20y'],
    ['2000-03-15', '2020-03-14', '10-20y'],
    ['2000-03-15', '2020-03-15', '20y+'],
    ['1986-01-01', '2026-03-27', '20y+'],
  ] as const)('from %s to %s is %s', (start, leaving, band) => {
    expect(lengthOfServiceBand(start, leaving)).toBe(band);
  });

  it('a year counts from the anniversary, across month ends', () => {
    expect(lengthOfServiceBand('2024-12-31', '2025-12-30')).toBe('<1y');
    expect(lengthOfServiceBand('2024-12-31', '2025-12-31')).toBe('1-2y');
  });

  it('someone who started on 29 February reaches an anniversary on 1 March in a common year', () => {
    expect(lengthOfServiceBand('2024-02-29', '2025-02-28')).toBe('<1y');
    expect(lengthOfServiceBand('2024-02-29', '2025-03-01')).toBe('1-2y');
    expect(lengthOfServiceBand('2024-02-29', '2028-02-29')).toBe('2-5y');
  });

  it('refuses dates it cannot read, or leaving before starting', () => {
    expect(() => lengthOfServiceBand('2020/03/15', '2021-03-15')).toThrow(RangeError);
    expect(() => lengthOfServiceBand('2020-03-15', '2020-03-14')).toThrow(
      'leavingDate 2020-03-14 is before startDate 2020-03-15',
    );
  });
});
