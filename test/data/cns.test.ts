import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnsMonthly, nextMonth, parseCns, parseCnsLaunches } from '../../src/data/cns.js';
import { DataFormatError } from '../../src/data/importResult.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const MONTHS = [
  ['1993-05', 1, 1], ['1993-06', 0, 0], ['1993-07', 0, 0], ['1993-08', 0, 0], ['1993-09', 0, 0], ['1993-10', 0, 0],
  ['1993-11', 0, 0], ['1993-12', 0, 0], ['1994-01', 0, 0], ['1994-02', 2, 3], ['1994-03', 0, 0], ['1994-04', 1, 1],
].map(([month, events, missiles]) => ({ month, events, missiles }));

describe('parseCns', () => {
  it('aggregates the JSON record by month: distinct launch days, missiles, empty months as zeros', () => {
    const r = parseCns(fixture('cns_tests.json'));
    expect(r.columns).toEqual(['month', 'events', 'missiles']);
    expect(r.rows).toEqual(MONTHS);
  });

  it('gives the same months from the flat CSV layout (quoted line breaks included)', () => {
    expect(parseCns(fixture('cns_tests.csv')).rows).toEqual(MONTHS);
  });

  it('skips records without a real date, naming the line of the record in JSON and CSV', () => {
    const json = fixture('cns_tests.json');
    expect(parseCns(json).skipped).toEqual([
      { line: lineOf(json, '"1994-02-30"') - 1, reason: "bad date: '1994-02-30', expected YYYY-MM-DD or YYYY-MM" },
      { line: lineOf(json, '"no date"') - 2, reason: "bad date: 'null', expected YYYY-MM-DD or YYYY-MM" },
    ]);
    expect(parseCns(fixture('cns_tests.csv')).skipped).toEqual([
      { line: 7, reason: "bad date: '1994-02-30', expected YYYY-MM-DD or YYYY-MM" },
      { line: 8, reason: "bad date: '', expected YYYY-MM-DD or YYYY-MM" },
    ]);
  });

  it('keeps a launch whose apogee or distance is not a number, and says so', () => {
    const r = parseCnsLaunches(fixture('cns_tests.json'));
    expect(r.rows).toHaveLength(5);
    expect(r.rows[1]).toEqual({ date: '1994-02-03', month: '1994-02', missile: 'scud-c', facility: 'kittaeryong', outcome: 'failure', apogee_km: 100, distance_km: null });
    expect(r.rows[0]).toMatchObject({ date: '1993-05', apogee_km: null, distance_km: 500 });
    expect(r.notes).toContain("1 apogee/distance cells held 'na' (not a number) and are empty");
    expect(parseCns(fixture('cns_tests.csv')).notes).toContain("1 apogee/distance cells held 'na' (not a number) and are empty");
  });

  it('rejects malformed JSON with line and column, and JSON of another shape', () => {
    try {
      parseCns('{"timeBins": [{"data": [\n  {"date": "2020-01-01",}\n]}]}');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataFormatError);
      expect((e as DataFormatError).issues[0]).toEqual({ line: 2, col: 25, message: 'expected a property name in double quotes' });
    }
    expect(() => parseCns('{"tests": []}')).toThrow(/not a CNS JSON file/);
    expect(() => parseCns('when,what\n2020-01-01,x\n')).toThrow(/missing column date_utc \(or date\)/);
  });

  it('reads a bare JSON array of records as well', () => {
    expect(parseCns('[{"date":"2020-01-01"},{"date":"2020-03-02"},{"date":"2020-03-02"}]').rows).toEqual([
      { month: '2020-01', events: 1, missiles: 1 },
      { month: '2020-02', events: 0, missiles: 0 },
      { month: '2020-03', events: 1, missiles: 2 },
    ]);
  });
});

describe('cnsMonthly', () => {
  it('crosses year ends and returns nothing for an empty record', () => {
    expect(nextMonth('1999-12')).toBe('2000-01');
    expect(cnsMonthly([])).toEqual([]);
  });

  it('has contiguous months from first to last, and its sums are the missiles and launch days (property)', () => {
    const day = fc.record({ y: fc.integer({ min: 1984, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 0, max: 28 }) });
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 60 }), (days) => {
        const launches = days.map(({ y, m, d }) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          return { month, date: d === 0 ? month : `${month}-${String(d).padStart(2, '0')}` };
        });
        const rows = cnsMonthly(launches);
        expect(rows.reduce((s, r) => s + r.missiles, 0)).toBe(launches.length);
        expect(rows.reduce((s, r) => s + r.events, 0)).toBe(new Set(launches.map((l) => l.date)).size);
        const months = launches.map((l) => l.month).sort();
        expect(rows[0].month).toBe(months[0]);
        expect(rows.at(-1)!.month).toBe(months.at(-1));
        for (let k = 1; k < rows.length; k++) expect(rows[k].month).toBe(nextMonth(rows[k - 1].month));
        for (const r of rows) expect(r.events).toBeLessThanOrEqual(r.missiles);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
