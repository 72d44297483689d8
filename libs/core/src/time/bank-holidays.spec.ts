import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  DEFAULT_BANK_HOLIDAYS_FILE,
  isIsoCalendarDate,
  loadBankHolidays,
  parseBankHolidays,
} from './bank-holidays';

const event = (date: string, title = 'A holiday') => ({ title, date, notes: '', bunting: true });
const govUk = (events: unknown) => ({ 'england-and-wales': { division: 'england-and-wales', events } });

describe('bank holidays', () => {
  let dir: string;
  const writeFile = (name: string, content: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casework-bank-holidays-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('the bundled England & Wales data', () => {
    const holidays = loadBankHolidays();
    const inYear = (year: number) => holidays.filter((d) => d.startsWith(`${year}-`));

    it('is a file next to the code that a force can replace', () => {
      expect(DEFAULT_BANK_HOLIDAYS_FILE).toBe(path.join(__dirname, 'data', 'england-and-wales-bank-holidays.json'));
      expect(fs.existsSync(DEFAULT_BANK_HOLIDAYS_FILE)).toBe(true);
    });

    it('keeps exactly the gov.uk bank-holidays.json shape', () => {
      const raw = JSON.parse(fs.readFileSync(DEFAULT_BANK_HOLIDAYS_FILE, 'utf8'));
      expect(Object.keys(raw)).toEqual(['england-and-wales']);
      expect(raw['england-and-wales'].division).toBe('england-and-wales');
      for (const e of raw['england-and-wales'].events) {
        expect(Object.keys(e)).toEqual(['title', 'date', 'notes', 'bunting']);
        expect(e.title).not.toBe('');
        expect(['', 'Substitute day']).toContain(e.notes);
        expect(typeof e.bunting).toBe('boolean');
      }
    });

    it('runs from New Year 2018 to Boxing Day 2030, sorted and without repeats', () => {
      expect(holidays[0]).toBe('2018-01-01');
      expect(holidays[holidays.length - 1]).toBe('2030-12-26');
      expect([...holidays].sort()).toEqual(holidays);
      expect(new Set(holidays).size).toBe(holidays.length);
      expect(holidays).toHaveLength(107);
    });

    it.each([
      [2018, 8], [2019, 8], [2020, 8], [2021, 8], [2022, 10], [2023, 9], [2024, 8],
      [2025, 8], [2026, 8], [2027, 8], [2028, 8], [2029, 8], [2030, 8],
    ])('lists for %i exactly %i bank holidays', (year, count) => {
      expect(inYear(year)).toHaveLength(count);
    });

    it('never lists a Saturday or Sunday, because weekend holidays move to substitute weekdays', () => {
      const weekend = holidays.filter((d) => [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
      expect(weekend).toEqual([]);
    });

    // Good Fridays from an independent Easter table, not from the generator.
    it.each([
      ['2018-03-30', '2018-04-02'], ['2019-04-19', '2019-04-22'], ['2020-04-10', '2020-04-13'],
      ['2021-04-02', '2021-04-05'], ['2022-04-15', '2022-04-18'], ['2023-04-07', '2023-04-10'],
      ['2024-03-29', '2024-04-01'], ['2025-04-18', '2025-04-21'], ['2026-04-03', '2026-04-06'],
      ['2027-03-26', '2027-03-29'], ['2028-04-14', '2028-04-17'], ['2029-03-30', '2029-04-02'],
      ['2030-04-19', '2030-04-22'],
    ])('has Good Friday %s and Easter Monday %s', (goodFriday, easterMonday) => {
      expect(holidays).toEqual(expect.arrayContaining([goodFriday, easterMonday]));
      expect(inYear(Number(goodFriday.slice(0, 4))).filter((d) => d.slice(5, 7) <= '04')).toHaveLength(3);
    });

    it.each(Array.from({ length: 13 }, (_, i) => 2018 + i))('has the last Monday of August %i as the summer bank holiday', (year) => {
      const lastMonday = new Date(Date.UTC(year, 7, 31));
      lastMonday.setUTCDate(31 - ((lastMonday.getUTCDay() + 6) % 7));
      expect(inYear(year).filter((d) => d.slice(5, 7) === '08')).toEqual([lastMonday.toISOString().slice(0, 10)]);
    });

    it('moves the 2020 early May bank holiday to Friday 8 May for VE day', () => {
      expect(inYear(2020).filter((d) => d.slice(5, 7) === '05')).toEqual(['2020-05-08', '2020-05-25']);
    });

    it('replaces the 2022 spring bank holiday with the Platinum Jubilee Thursday and Friday', () => {
      expect(inYear(2022).filter((d) => d.slice(5, 7) === '05' || d.slice(5, 7) === '06')).toEqual([
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
      ]);
    });

    it('includes the one-off holidays for the State Funeral and the Coronation', () => {
      expect(holidays).toContain('2022-09-19');
      expect(inYear(2023).filter((d) => d.slice(5, 7) === '05')).toEqual(['2023-05-01', '2023-05-08', '2023-05-29']);
    });

    it.each([
      ['2020', ['2020-12-25', '2020-12-28']],
      ['2021', ['2021-12-27', '2021-12-28']],
      ['2022', ['2022-12-26', '2022-12-27']],
      ['2026', ['2026-12-25', '2026-12-28']],
      ['2027', ['2027-12-27', '2027-12-28']],
      ['2028', ['2028-12-25', '2028-12-26']],
    ])('gives Christmas %s its substitute days', (year, days) => {
      expect(holidays.filter((d) => d.startsWith(`${year}-12`))).toEqual(days);
    });

    it.each(['2022-01-03', '2023-01-02', '2028-01-03'])('moves New Year’s Day off a weekend to Monday %s', (day) => {
      expect(inYear(Number(day.slice(0, 4))).filter((d) => d.slice(5, 7) === '01')).toEqual([day]);
    });

    it('falls back to the copy compiled into the build when the data file is not on disk', () => {
      const onDisk = loadBankHolidays();
      jest.spyOn(fs, 'existsSync').mockReturnValue(false);
      const read = jest.spyOn(fs, 'readFileSync');
      expect(loadBankHolidays()).toEqual(onDisk);
      expect(read).not.toHaveBeenCalled();
    });
  });

  describe('a replacement file', () => {
    it('is read from the given path, ignoring the Scottish and Northern Irish divisions', () => {
      const file = writeFile('newer.json', {
        ...govUk([event('2031-12-25', 'Christmas Day'), event('2031-01-01', 'New Year’s Day')]),
        scotland: { division: 'scotland', events: [event('2031-01-02')] },
      });
      expect(loadBankHolidays(file)).toEqual(['2031-01-01', '2031-12-25']);
    });

    it('may leave out notes and bunting', () => {
      const file = writeFile('minimal.json', govUk([{ title: 'Christmas Day', date: '2031-12-25' }]));
      expect(loadBankHolidays(file)).toEqual(['2031-12-25']);
    });

    it('that does not exist is reported with its path', () => {
      const missing = path.join(dir, 'missing.json');
      expect(() => loadBankHolidays(missing)).toThrow(`Cannot read bank holidays file ${missing}`);
    });

    it('that is not JSON is reported with its path', () => {
      const file = writeFile('broken.json', '{"england-and-wales": ');
      expect(() => loadBankHolidays(file)).toThrow(`Bank holidays file ${file} is not valid JSON`);
    });

    it.each([
      ['an array', [], 'expected an object with an "england-and-wales" division'],
      ['only Scotland', { scotland: { division: 'scotland', events: [event('2031-01-02')] } }, 'expected an object with an "england-and-wales" division'],
      ['a mislabelled division', { 'england-and-wales': { division: 'scotland', events: [event('2031-01-02')] } }, '"england-and-wales".division must be "england-and-wales", got "scotland"'],
      ['no events', { 'england-and-wales': { division: 'england-and-wales' } }, '"england-and-wales".events must be a non-empty array'],
      ['an empty event list', govUk([]), '"england-and-wales".events must be a non-empty array'],
      ['an event that is not an object', govUk([event('2031-01-01'), 'boxing day']), 'events[1] "boxing day" is not an object'],
      ['an untitled event', govUk([{ title: ' ', date: '2031-01-01' }]), 'events[0] {"title":" ","date":"2031-01-01"} has no title'],
      ['30 February', govUk([event('2031-01-01'), event('2031-02-30')]), 'events[1] {"title":"A holiday","date":"2031-02-30","notes":"","bunting":true} has a date that is not a real YYYY-MM-DD date'],
      ['a British-order date', govUk([event('25/12/2031')]), 'events[0] {"title":"A holiday","date":"25/12/2031","notes":"","bunting":true} has a date that is not a real YYYY-MM-DD date'],
      ['a date with a time', govUk([event('2031-12-25T00:00:00Z')]), 'events[0] {"title":"A holiday","date":"2031-12-25T00:00:00Z","notes":"","bunting":true} has a date that is not a real YYYY-MM-DD date'],
      ['numeric notes', govUk([{ title: 'X', date: '2031-01-01', notes: 5 }]), 'events[0] {"title":"X","date":"2031-01-01","notes":5} has non-string notes'],
      ['textual bunting', govUk([{ title: 'X', date: '2031-01-01', bunting: 'yes' }]), 'events[0] {"title":"X","date":"2031-01-01","bunting":"yes"} has non-boolean bunting'],
      ['a repeated date', govUk([event('2031-01-01'), event('2031-12-25'), event('2031-01-01', 'Again')]), 'events[2] {"title":"Again","date":"2031-01-01","notes":"","bunting":true} repeats the date of events[0]'],
    ])('with %s is rejected, naming the file and the bad entry', (_case, content, problem) => {
      const file = writeFile(`bad-${_case.replace(/\W+/g, '-')}.json`, content);
      expect(() => loadBankHolidays(file)).toThrow(`Bank holidays file ${file}: ${problem}`);
    });
  });

  it('validates data already in memory, e.g. freshly fetched from gov.uk', () => {
    expect(parseBankHolidays(govUk([event('2031-05-05'), event('2031-04-11')]), 'gov.uk')).toEqual(['2031-04-11', '2031-05-05']);
    expect(() => parseBankHolidays(null, 'gov.uk')).toThrow('Bank holidays file gov.uk: expected an object');
  });

  it.each([
    ['2024-02-29', true],
    ['2026-12-28', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
    [20260101, false],
    [null, false],
  ])('treats %p as a calendar date: %p', (value, expected) => {
    expect(isIsoCalendarDate(value)).toBe(expected);
  });
});
