import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadBankHolidays } from './bank-holidays';
import type { DueSpec } from './calendar';
import { calendarFromHolidaysFile, LondonWorkingCalendar } from './working-calendar';

// Instants are written in UTC: GMT = UTC in winter, BST = UTC+1 from 29 Mar to 25 Oct 2026.
const at = (iso: string) => new Date(iso);
const calendar = new LondonWorkingCalendar({ holidays: loadBankHolidays() });
const due = (from: string, spec: DueSpec) => calendar.dueAt(at(from), spec).toISOString();
const plus = (from: string, days: number) => calendar.addWorkingDays(at(from), days).toISOString();

describe('LondonWorkingCalendar', () => {
  describe('working days', () => {
    it('works in Europe/London by default', () => {
      expect(calendar.zone).toBe('Europe/London');
    });

    it.each([
      ['a Monday', '2026-01-05T09:00:00.000Z', true],
      ['a Friday evening', '2026-01-09T23:59:59.999Z', true],
      ['a Saturday', '2026-01-10T12:00:00.000Z', false],
      ['a Sunday', '2026-01-11T12:00:00.000Z', false],
      ['Good Friday', '2026-04-03T09:00:00.000Z', false],
      ['Easter Monday', '2026-04-06T09:00:00.000Z', false],
      ['the Tuesday after Easter', '2026-04-07T09:00:00.000Z', true],
      ['Christmas Eve 2027 (a Friday)', '2027-12-24T10:00:00.000Z', true],
      ['the Christmas substitute Monday 27 December 2027', '2027-12-27T10:00:00.000Z', false],
      ['the Boxing Day substitute Tuesday 28 December 2027', '2027-12-28T10:00:00.000Z', false],
      ['Wednesday 29 December 2027', '2027-12-29T10:00:00.000Z', true],
      ['the Queen’s State Funeral', '2022-09-19T10:00:00.000Z', false],
    ])('treats %s as working: %p', (_name, instant, expected) => {
      expect(calendar.isWorkingDay(at(instant))).toBe(expected);
    });

    it('judges by the London date, so 00:30 BST on Good Friday is a holiday though UTC still says Thursday', () => {
      expect(calendar.isWorkingDay(at('2026-04-02T23:30:00.000Z'))).toBe(false);
    });

    it('judges by the London date, so 00:30 BST on the Tuesday after Easter is working though UTC still says Easter Monday', () => {
      expect(calendar.isWorkingDay(at('2026-04-06T23:30:00.000Z'))).toBe(true);
    });
  });

  describe('adding working days', () => {
    it('adds a working week, Monday to Monday', () => {
      expect(plus('2026-01-05T10:00:00.000Z', 5)).toBe('2026-01-12T10:00:00.000Z');
    });

    it('skips the weekend from a Friday', () => {
      expect(plus('2026-01-09T14:00:00.000Z', 1)).toBe('2026-01-12T14:00:00.000Z');
    });

    it('leaves a working-day instant exactly where it is for zero days', () => {
      expect(plus('2026-01-07T11:15:30.250Z', 0)).toBe('2026-01-07T11:15:30.250Z');
    });

    it('rolls a Saturday forward to Monday at the same time for zero days', () => {
      expect(plus('2026-01-10T11:00:00.000Z', 0)).toBe('2026-01-12T11:00:00.000Z');
    });

    it('rolls a Sunday onto Monday before counting, so one day from Sunday is Tuesday', () => {
      expect(plus('2026-01-11T11:00:00.000Z', 1)).toBe('2026-01-13T11:00:00.000Z');
    });

    it('steps over Good Friday and Easter Monday from the Thursday before Easter', () => {
      expect(plus('2026-04-02T09:00:00.000Z', 1)).toBe('2026-04-07T09:00:00.000Z');
    });

    it('steps over both Christmas substitute days in 2027', () => {
      expect(plus('2027-12-23T10:00:00.000Z', 1)).toBe('2027-12-24T10:00:00.000Z');
      expect(plus('2027-12-23T10:00:00.000Z', 2)).toBe('2027-12-29T10:00:00.000Z');
    });

    it('keeps 10:00 on the office clock across the spring-forward weekend (29 March 2026)', () => {
      // Friday 10:00 GMT -> Monday 10:00 BST, one hour earlier in UTC.
      expect(plus('2026-03-27T10:00:00.000Z', 1)).toBe('2026-03-30T09:00:00.000Z');
    });

    it('keeps 10:00 on the office clock across the fall-back weekend (25 October 2026)', () => {
      // Friday 10:00 BST -> Monday 10:00 GMT, one hour later in UTC.
      expect(plus('2026-10-23T09:00:00.000Z', 1)).toBe('2026-10-26T10:00:00.000Z');
    });

    it('keeps seconds and milliseconds of the local time across a clock change', () => {
      expect(plus('2026-03-27T16:45:12.345Z', 1)).toBe('2026-03-30T15:45:12.345Z');
    });

    it('does not let a time inside the spring-forward gap on the intervening Sunday drag Monday an hour later', () => {
      // Saturday 01:30 GMT: 01:30 does not exist on Sunday, but Monday 01:30 BST does.
      expect(plus('2026-03-28T01:30:00.000Z', 0)).toBe('2026-03-30T00:30:00.000Z');
    });

    it('does not let the repeated hour on the fall-back Sunday shift Monday', () => {
      // Saturday 01:30 BST -> Monday 01:30 GMT.
      expect(plus('2026-10-24T00:30:00.000Z', 0)).toBe('2026-10-26T01:30:00.000Z');
    });

    it('rolls a Sunday just after midnight London time onto Monday by the London date', () => {
      // 00:30 GMT Sunday 29 March, before the clocks change -> 00:30 BST Monday.
      expect(plus('2026-03-29T00:30:00.000Z', 0)).toBe('2026-03-29T23:30:00.000Z');
    });

    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p days', (days) => {
      expect(() => calendar.addWorkingDays(at('2026-01-05T10:00:00.000Z'), days)).toThrow(RangeError);
    });

    it('refuses an invalid date', () => {
      expect(() => calendar.addWorkingDays(new Date('not a date'), 1)).toThrow(RangeError);
      expect(() => calendar.isWorkingDay(new Date(Number.NaN))).toThrow(RangeError);
    });
  });

  describe('deadlines in working days', () => {
    it('a routine referral submitted on the Thursday before Easter is due for triage on the Wednesday after', () => {
      expect(due('2026-04-02T09:00:00.000Z', { workingDays: 2 })).toBe('2026-04-08T16:00:00.000Z');
    });

    it('a same-day deadline set in the morning falls at close of business that day', () => {
      expect(due('2026-01-07T09:00:00.000Z', { workingDays: 0 })).toBe('2026-01-07T17:00:00.000Z');
    });

    it('a same-day deadline set a millisecond before close still falls that day', () => {
      expect(due('2026-01-07T16:59:59.999Z', { workingDays: 0 })).toBe('2026-01-07T17:00:00.000Z');
    });

    it('a same-day deadline set exactly at close falls at close of the next working day', () => {
      expect(due('2026-01-07T17:00:00.000Z', { workingDays: 0 })).toBe('2026-01-08T17:00:00.000Z');
    });

    it('a Friday 18:00 submission with a same-day deadline is due Monday at close', () => {
      expect(due('2026-01-09T18:00:00.000Z', { workingDays: 0 })).toBe('2026-01-12T17:00:00.000Z');
    });

    it('a Friday evening submission before the spring bank holiday is due Tuesday at close', () => {
      // Friday 22 May 18:00 BST; Monday 25 May 2026 is the spring bank holiday.
      expect(due('2026-05-22T17:00:00.000Z', { workingDays: 0 })).toBe('2026-05-26T16:00:00.000Z');
    });

    it('a Saturday submission counts Monday as day 0', () => {
      expect(due('2026-01-10T10:00:00.000Z', { workingDays: 1 })).toBe('2026-01-13T17:00:00.000Z');
    });

    it('closes at 17:00 British Summer Time in summer', () => {
      expect(due('2026-07-01T08:00:00.000Z', { workingDays: 3 })).toBe('2026-07-06T16:00:00.000Z');
    });

    it('closes at 17:00 BST on a deadline counted across the spring-forward weekend', () => {
      expect(due('2026-03-26T12:00:00.000Z', { workingDays: 2 })).toBe('2026-03-30T16:00:00.000Z');
    });

    it('closes at 17:00 GMT on a deadline counted across the fall-back weekend', () => {
      expect(due('2026-10-22T12:00:00.000Z', { workingDays: 2 })).toBe('2026-10-26T17:00:00.000Z');
    });

    it('a referral two working days before Christmas 2027 is due after both substitute days', () => {
      expect(due('2027-12-23T15:00:00.000Z', { workingDays: 2 })).toBe('2027-12-29T17:00:00.000Z');
    });

    it('a Christmas Eve 2027 evening submission with a same-day deadline is due on Wednesday 29 December', () => {
      expect(due('2027-12-24T18:00:00.000Z', { workingDays: 0 })).toBe('2027-12-29T17:00:00.000Z');
    });

    it.each([-1, 0.5, Number.NaN])('refuses %p working days', (workingDays) => {
      expect(() => calendar.dueAt(at('2026-01-05T10:00:00.000Z'), { workingDays })).toThrow(RangeError);
    });
  });

  describe('deadlines in elapsed hours', () => {
    it('TRiM’s 24-hour brief is 24 real hours across the spring-forward night (13:00 BST on the clock)', () => {
      expect(due('2026-03-28T12:00:00.000Z', { hours: 24 })).toBe('2026-03-29T12:00:00.000Z');
    });

    it('a 24-hour limit is 24 real hours across the fall-back night', () => {
      expect(due('2026-10-24T12:00:00.000Z', { hours: 24 })).toBe('2026-10-25T12:00:00.000Z');
    });

    it('ignores weekends, because hour limits run round the clock', () => {
      expect(due('2026-01-09T15:00:00.000Z', { hours: 24 })).toBe('2026-01-10T15:00:00.000Z');
    });

    it('accepts zero and fractional hours', () => {
      expect(due('2026-01-09T15:00:00.000Z', { hours: 0 })).toBe('2026-01-09T15:00:00.000Z');
      expect(due('2026-01-09T15:00:00.000Z', { hours: 1.5 })).toBe('2026-01-09T16:30:00.000Z');
    });

    it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p hours', (hours) => {
      expect(() => calendar.dueAt(at('2026-01-05T10:00:00.000Z'), { hours })).toThrow(RangeError);
    });
  });

  describe('deadlines as ISO 8601 durations', () => {
    it('adds seconds, as tests use', () => {
      expect(due('2026-01-05T10:00:00.000Z', { duration: 'PT5S' })).toBe('2026-01-05T10:00:05.000Z');
    });

    it('treats a day as 24 elapsed hours across the spring-forward night', () => {
      expect(due('2026-03-28T12:00:00.000Z', { duration: 'P1D' })).toBe('2026-03-29T12:00:00.000Z');
    });

    it('runs 28 days as elapsed time, so a 09:00 GMT start is due at 10:00 on the BST clock', () => {
      expect(due('2026-03-20T09:00:00.000Z', { duration: 'P28D' })).toBe('2026-04-17T09:00:00.000Z');
    });

    it('clamps a month to the end of a shorter month', () => {
      expect(due('2026-01-31T09:00:00.000Z', { duration: 'P1M' })).toBe('2026-02-28T09:00:00.000Z');
    });

    it.each(['soon', '', 'P', '28 days'])('rejects the invalid duration %p with a clear message', (duration) => {
      expect(() => calendar.dueAt(at('2026-01-05T10:00:00.000Z'), { duration })).toThrow(
        `Invalid ISO 8601 duration ${JSON.stringify(duration)} in due spec`,
      );
    });

    it.each(['-PT5S', 'PT-5S', 'P1DT-1H'])('refuses the negative duration %p', (duration) => {
      expect(() => calendar.dueAt(at('2026-01-05T10:00:00.000Z'), { duration })).toThrow(RangeError);
    });
  });

  it('rejects a due spec of no known shape', () => {
    const spec = { weeks: 2 } as unknown as DueSpec;
    expect(() => calendar.dueAt(at('2026-01-05T10:00:00.000Z'), spec)).toThrow('Unknown due spec {"weeks":2}');
  });

  describe('configuration', () => {
    it('honours a force’s own close of business', () => {
      const early = new LondonWorkingCalendar({ holidays: [], closeOfBusiness: '12:00' });
      expect(early.dueAt(at('2026-01-07T11:59:00.000Z'), { workingDays: 0 }).toISOString()).toBe('2026-01-07T12:00:00.000Z');
      expect(early.dueAt(at('2026-01-07T12:30:00.000Z'), { workingDays: 0 }).toISOString()).toBe('2026-01-08T12:00:00.000Z');
    });

    it('judges days and close of business in another zone when told to', () => {
      const newYork = new LondonWorkingCalendar({ holidays: [], zone: 'America/New_York' });
      // 03:00 UTC Saturday is 22:00 EST Friday.
      expect(newYork.isWorkingDay(at('2026-01-10T03:00:00.000Z'))).toBe(true);
      expect(newYork.dueAt(at('2026-01-09T21:00:00.000Z'), { workingDays: 0 }).toISOString()).toBe('2026-01-09T22:00:00.000Z');
    });

    it('counts every weekday as working when given no holidays', () => {
      const noHolidays = new LondonWorkingCalendar({ holidays: [] });
      expect(noHolidays.isWorkingDay(at('2026-04-03T09:00:00.000Z'))).toBe(true);
    });

    it.each(['Mars/Olympus_Mons', ''])('refuses the unknown zone %p', (zone) => {
      expect(() => new LondonWorkingCalendar({ holidays: [], zone })).toThrow(RangeError);
    });

    it.each(['5pm', '24:00', '17:0', '17:60', ''])('refuses the close of business %p', (closeOfBusiness) => {
      expect(() => new LondonWorkingCalendar({ holidays: [], closeOfBusiness })).toThrow(RangeError);
    });

    it.each(['2026-02-30', '03/04/2026', '2026-04-03T00:00'])('refuses the holiday %p', (holiday) => {
      expect(() => new LondonWorkingCalendar({ holidays: [holiday] })).toThrow(
        `Holiday ${JSON.stringify(holiday)} is not a YYYY-MM-DD date`,
      );
    });
  });

  describe('calendarFromHolidaysFile', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casework-calendar-'));
    });
    afterAll(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('uses the bundled England & Wales holidays by default', () => {
      const fromDefault = calendarFromHolidaysFile();
      expect(fromDefault.isWorkingDay(at('2026-04-03T09:00:00.000Z'))).toBe(false);
      expect(fromDefault.dueAt(at('2026-04-02T09:00:00.000Z'), { workingDays: 2 }).toISOString()).toBe('2026-04-08T16:00:00.000Z');
    });

    it('uses a force’s replacement file instead of the bundled one', () => {
      const file = path.join(dir, 'bank-holidays.json');
      const events = [{ title: 'Local holiday', date: '2026-01-07', notes: '', bunting: false }];
      fs.writeFileSync(file, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events } }));
      const local = calendarFromHolidaysFile(file);
      expect(local.isWorkingDay(at('2026-01-07T10:00:00.000Z'))).toBe(false);
      expect(local.isWorkingDay(at('2026-04-03T09:00:00.000Z'))).toBe(true);
      expect(local.dueAt(at('2026-01-06T10:00:00.000Z'), { workingDays: 1 }).toISOString()).toBe('2026-01-08T17:00:00.000Z');
    });

    it('passes on the loader’s error for a bad file', () => {
      expect(() => calendarFromHolidaysFile(path.join(dir, 'absent.json'))).toThrow('Cannot read bank holidays file');
    });
  });
});
