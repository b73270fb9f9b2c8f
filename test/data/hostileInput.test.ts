import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAtop } from '../../src/data/atop.js';
import { parseCns, parseCnsLaunches } from '../../src/data/cns.js';
import { parseCowMid } from '../../src/data/cowMid.js';
import { parseCowNmc } from '../../src/data/cowNmc.js';
import { CsvError, parseCsv } from '../../src/data/csv.js';
import { parseEvents } from '../../src/data/events.js';
import { parseFasStockpiles } from '../../src/data/fasStockpiles.js';
import { parseGoldsteinTable } from '../../src/data/goldstein.js';
import { DataFormatError, REASON_MAX_CHARS } from '../../src/data/importResult.js';
import { JSON_MAX_DEPTH, parseJsonWithLines } from '../../src/data/jsonLines.js';
import { parseOwidMilex } from '../../src/data/owidMilex.js';
import { parseSipriCsv } from '../../src/data/sipri.js';
import { readSipriWorkbook } from '../../src/data/sipriXlsx.js';
import { parseUsdPerGbp } from '../../src/data/usdPerGbp.js';

// Every reader and importer of src/data, with the fixture in its own format that the mutations start from.
const fixture = (f: string) => readFileSync(new URL(`../fixtures/data/${f}`, import.meta.url), 'utf8');
const goldstein = parseGoldsteinTable(fixture('goldstein_gdelt.txt')).scores;
const readers: [string, string, (t: string) => unknown][] = [
  ['csv', 'sipri_long.csv', (t) => parseCsv(t, 'x.csv')],
  ['sipri', 'sipri_long.csv', (t) => parseSipriCsv(t)],
  ['cow-nmc', 'cow_nmc.csv', (t) => parseCowNmc(t)],
  ['cow-mid', 'mid_dyad_year.csv', (t) => parseCowMid(t)],
  ['atop', 'atop_dyad_year.csv', (t) => parseAtop(t)],
  ['cns json', 'cns_tests.json', (t) => parseCns(t)],
  ['cns csv launches', 'cns_tests.csv', (t) => parseCnsLaunches(t)],
  ['events', 'icews_events.csv', (t) => parseEvents(t, { goldstein })],
  ['goldstein', 'goldstein_icews.csv', (t) => parseGoldsteinTable(t)],
  ['usd-per-gbp', 'usd_per_gbp.csv', (t) => parseUsdPerGbp(t)],
  ['owid', 'owid_milex.csv', (t) => parseOwidMilex(t)],
  ['fas', 'cns_tests.csv', (t) => parseFasStockpiles(t)],
  ['json', 'cns_tests.json', (t) => parseJsonWithLines(t)],
];

/** A reader may return, or refuse the whole file with its format error; anything else is a bug. */
function expectCleanOutcome(read: (t: string) => unknown, text: string) {
  try {
    read(text);
  } catch (err) {
    if (!(err instanceof DataFormatError || err instanceof CsvError)) throw err;
    expect(err.message.length).toBeLessThan(10_000);
  }
}

// Mutations that hostile or broken files carry: cut anywhere, bytes replaced, lines doubled, quotes and brackets.
const special = fc.constantFrom('"', ',', '\n', '\r', '\t', '[', ']', '{', '}', ':', '\\', '\u0000', '\ufeff', 'NaN', '1e308', '-', '');
const mutated = (text: string) =>
  fc.oneof(
    fc.integer({ min: 0, max: text.length }).map((n) => text.slice(0, n)),
    fc.tuple(fc.integer({ min: 0, max: text.length }), fc.array(special, { maxLength: 6 })).map(([at, ins]) => text.slice(0, at) + ins.join('') + text.slice(at)),
    fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 1, max: 40 })).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc.integer({ min: 0, max: 20 }).map((k) => {
      const lines = text.split('\n');
      const i = k % lines.length;
      return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
    }),
    fc.string({ maxLength: 200 }),
  );

describe('data readers under hostile input', () => {
  for (const [name, file, read] of readers) {
    it(`${name}: random and mutated files either parse or fail with a located format error`, () => {
      const text = fixture(file);
      fc.assert(fc.property(mutated(text), (t) => expectCleanOutcome(read, t)), { numRuns: 60 });
    });
  }

  it('sipri xlsx: random bytes behind a zip signature are refused as a format error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const data = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]);
        await expect(readSipriWorkbook(data)).rejects.toBeInstanceOf(DataFormatError);
      }),
      { numRuns: 20 },
    );
  });

  it('json: a 100,000-deep array is refused at the depth limit instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJsonWithLines(deep)).toThrow(DataFormatError);
    try {
      parseJsonWithLines(deep);
    } catch (err) {
      expect((err as DataFormatError).issues[0]).toMatchObject({ line: 1, col: JSON_MAX_DEPTH + 1 });
    }
    // One level below the limit still parses: the limit is where it says.
    const ok = parseJsonWithLines('['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH));
    let depth = 0;
    for (let v = ok.value; Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBe(JSON_MAX_DEPTH);
  });

  it('a skipped row that quotes a 10 MB field keeps a reason of bounded length', () => {
    const text = JSON.stringify({ timeBins: [{ data: [{ date: 'x'.repeat(10_000_000), missile: 'm' }] }] });
    const r = parseCnsLaunches(text);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].reason.length).toBeLessThanOrEqual(REASON_MAX_CHARS);
    expect(r.skipped[0].reason).toMatch(/^bad date: 'x+… \(10000\d+ characters\)$/);
  });

  it('csv: a bad cell is located by line and character column, with a hint', () => {
    try {
      parseCsv('a,b\n1,2\n3,"x"y\n', 'x.csv');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CsvError);
      expect((err as CsvError).message).toBe('x.csv:3:6: text after a closing quote');
      expect((err as CsvError).hint).toMatch(/quote/);
    }
  });
});
