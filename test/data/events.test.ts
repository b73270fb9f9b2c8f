import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/data/events.js';
import { goldsteinScore, parseGoldsteinTable } from '../../src/data/goldstein.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');
const gdeltTable = () => parseGoldsteinTable(fixture('goldstein_gdelt.txt')).scores;
const icewsTable = () => parseGoldsteinTable(fixture('goldstein_icews.csv')).scores;

const zero = { events: 0, goldstein_sum: 0, goldstein_mean: null, cooperation: 0, conflict: 0, cooperative_events: 0, conflictual_events: 0 };

describe('parseGoldsteinTable', () => {
  it('reads the GDELT tab-separated table and the ICEWS CSV, which differ on code 016', () => {
    const g = parseGoldsteinTable(fixture('goldstein_gdelt.txt'));
    const i = parseGoldsteinTable(fixture('goldstein_icews.csv'));
    expect([g.layout, i.layout]).toEqual(['gdelt', 'icews']);
    expect(g.scores.get('016')).toBe(-2);
    expect(i.scores.get('016')).toBe(-5);
    expect(g.scores.get('057')).toBe(8);
    expect(g.scores.size).toBe(13);
  });

  it('skips codes that are not CAMEO codes and weights outside [−10, 10]', () => {
    const t = parseGoldsteinTable('code,goldstein\n01,0\nx1,2\n02,11\n03,-10\n');
    expect([...t.scores]).toEqual([['01', 0], ['03', -10]]);
    expect(t.skipped).toEqual([
      { line: 3, reason: "bad code: 'x1' is not a CAMEO code (2–4 digits)" },
      { line: 4, reason: 'out of range: goldstein is 11, expected -10..10' },
    ]);
  });

  it('scores a sub-code missing from the table by its base code, then its root', () => {
    const s = gdeltTable();
    expect(goldsteinScore(s, '0401')).toEqual({ score: 1, via: '040' });
    expect(goldsteinScore(s, '139')).toEqual({ score: -4.4, via: '13' });
    expect(goldsteinScore(s, '999')).toBeUndefined();
  });
});

describe('parseEvents', () => {
  it('sums Goldstein weights by month and directed dyad, with zero months for every dyad (ICEWS layout)', () => {
    const r = parseEvents(fixture('icews_events.csv'), { goldstein: gdeltTable() });
    expect(r.layout).toBe('icews');
    expect(r.rows.map((x) => `${x.source}>${x.target} ${x.month}`)).toEqual([
      'Japan>China 2018-01', 'Japan>China 2018-02', 'Japan>China 2018-03',
      'North Korea>South Korea 2018-01', 'North Korea>South Korea 2018-02', 'North Korea>South Korea 2018-03',
      'South Korea>North Korea 2018-01', 'South Korea>North Korea 2018-02', 'South Korea>North Korea 2018-03',
    ]);
    // Hand-derived: 042 → +1.9, 138 → −7.0, 0401 → 040 → +1.0.
    expect(r.rows[3]).toEqual({ month: '2018-01', source: 'North Korea', target: 'South Korea', events: 3, goldstein_sum: -4.1, goldstein_mean: -1.36666666667, cooperation: 2.9, conflict: 7, cooperative_events: 2, conflictual_events: 1 });
    expect(r.rows[4]).toEqual({ month: '2018-02', source: 'North Korea', target: 'South Korea', ...zero });
    expect(r.rows[8]).toMatchObject({ events: 1, goldstein_sum: 8, cooperation: 8, conflict: 0 });
    expect(r.rows[2]).toMatchObject({ events: 1, goldstein_sum: -2, conflict: 2 });
    expect(r.notes).toContain('1 events scored by their parent CAMEO code (the code itself is not in the table)');
  });

  it('lists domestic, dyad-less, unscored and badly dated events with their lines', () => {
    const r = parseEvents(fixture('icews_events.csv'), { goldstein: gdeltTable() });
    expect(r.skipped).toEqual([
      { line: 6, reason: 'domestic: source and target are both South Korea' },
      { line: 7, reason: 'no dyad: source country is empty' },
      { line: 8, reason: 'unknown code: CAMEO 999 is not in the Goldstein table' },
      { line: 9, reason: "bad date: '2018-02-30x'" },
    ]);
  });

  it('uses the table it is given (ICEWS weights 016 at −5) and keeps domestic events on request', () => {
    const r = parseEvents(fixture('icews_events.csv'), { goldstein: icewsTable(), includeDomestic: true });
    expect(r.rows.find((x) => x.source === 'Japan' && x.month === '2018-03')!.goldstein_sum).toBe(-5);
    expect(r.rows.find((x) => x.source === 'South Korea' && x.target === 'South Korea' && x.month === '2018-03')!.events).toBe(1);
  });

  it('keeps only events between listed countries', () => {
    const r = parseEvents(fixture('icews_events.csv'), { goldstein: gdeltTable(), countries: ['North Korea', 'South Korea'] });
    expect(new Set(r.rows.map((x) => x.source))).toEqual(new Set(['North Korea', 'South Korea']));
    expect(r.notes).toContain('4 events outside the countries filter left out');
  });

  it('reads headerless GDELT rows (57–61 tab-separated fields) with the same result, CAMEO country codes as actors', () => {
    const icews = parseEvents(fixture('icews_events.csv'), { goldstein: gdeltTable() });
    const gdelt = parseEvents(fixture('gdelt_events.tsv'), { goldstein: gdeltTable() });
    expect(gdelt.layout).toBe('gdelt');
    const names: Record<string, string> = { PRK: 'North Korea', KOR: 'South Korea', JPN: 'Japan', CHN: 'China' };
    const key = (x: { source: string; target: string; month: string }) => `${x.source}>${x.target} ${x.month}`;
    const renamed = gdelt.rows.map((x) => ({ ...x, source: names[x.source], target: names[x.target] }));
    expect(renamed.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(icews.rows);
    expect(gdelt.skipped.map((s) => [s.line, s.reason.split(':')[0]])).toEqual([
      [5, 'domestic'], [6, 'no dyad'], [7, 'unknown code'], [8, 'field count'],
    ]);
  });

  it('reads quotes in headerless GDELT rows as plain characters', () => {
    const row = Array.from({ length: 58 }, () => '');
    Object.assign(row, { 0: '1', 1: '20180105', 6: '"KIM" GOV', 7: 'PRK', 16: 'SEOUL "GOV', 17: 'KOR', 26: '042' });
    const r = parseEvents(row.join('\t') + '\n', { goldstein: gdeltTable() });
    expect([r.skipped, r.rows.map((x) => [x.source, x.target, x.goldstein_sum])]).toEqual([[], [['PRK', 'KOR', 1.9]]]);
  });

  it('reads GDELT with its header names and ICEWS as tab-separated Dataverse files with spaced headers', () => {
    const gdeltHeader = 'GLOBALEVENTID\tSQLDATE\tActor1CountryCode\tActor2CountryCode\tEventCode\n1\t20180105\tPRK\tKOR\t042\n';
    expect(parseEvents(gdeltHeader, { goldstein: gdeltTable() }).rows).toEqual([
      { month: '2018-01', source: 'PRK', target: 'KOR', events: 1, goldstein_sum: 1.9, goldstein_mean: 1.9, cooperation: 1.9, conflict: 0, cooperative_events: 1, conflictual_events: 0 },
    ]);
    const dataverse = 'Event ID\tEvent Date\tSource Country\tCAMEO Code\tTarget Country\n1\t2018-01-05\tNorth Korea\t138\tSouth Korea\n';
    expect(parseEvents(dataverse, { goldstein: gdeltTable() }).rows[0]).toMatchObject({ source: 'North Korea', goldstein_sum: -7 });
    expect(() => parseEvents('a,b\n1,2\n', { goldstein: gdeltTable() })).toThrow(/not an event file/);
  });
});
