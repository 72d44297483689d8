/** Length-of-service bands, as leaver reports group people. */
export const LENGTH_OF_SERVICE_BANDS = ['<1y', '1-2y', '2-5y', '5-10y', '10-20y', '20y+'] as const;
export type LengthOfServiceBand = (typeof LENGTH_OF_SERVICE_BANDS)[number];

/** Lower bound, in whole years, of each band after the first. */
const BAND_FLOORS: readonly (readonly [number, LengthOfServiceBand])[] = [
  [20, '20y+'],
  [10, '10-20y'],
  [5, '5-10y'],
  [2, '2-5y'],
  [1, '1-2y'],
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The band of someone's service from `startDate` to `leavingDate` (both YYYY-MM-DD).
 * A band starts on the anniversary: exactly one year is '1-2y', a day less is '<1y'.
 * Someone who started on 29 February reaches an anniversary in a common year on 1 March,
 * as UK law counts birthdays.
 */
export function lengthOfServiceBand(startDate: string, leavingDate: string): LengthOfServiceBand {
  const years = completedYears(parse(startDate, 'startDate'), parse(leavingDate, 'leavingDate'));
  if (years < 0) throw new RangeError(`leavingDate ${leavingDate} is before startDate ${startDate}`);
  return BAND_FLOORS.find(([floor]) => years >= floor)?.[1] ?? '<1y';
}

type YearMonthDay = readonly [number, number, number];

/** Whole years from `start` to `end`: a year counts once its anniversary is reached; negative if `end` is earlier. */
function completedYears([sy, sm, sd]: YearMonthDay, [ey, em, ed]: YearMonthDay): number {
  const beforeAnniversary = em < sm || (em === sm && ed < sd);
  return ey - sy - (beforeAnniversary ? 1 : 0);
}

function parse(value: string, name: string): YearMonthDay {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
