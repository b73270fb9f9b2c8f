/**
 * Correlates of War National Material Capabilities (NMC v5–v7, https://correlatesofwar.org/data-sets/national-material-capabilities/).
 * COW records `milex` in thousands of current British pounds for 1816–1913 and in thousands of current US
 * dollars from 1914 on. The importer converts the sterling years to dollars so that the series has one unit,
 * keeps the original figure and unit beside it, and states the rate used in every row and in the notes.
 */
import type { ImportResult, Skipped } from './importResult.js';
import { countrySet, eachRecord, findColumn, numberCell, readTable, requireColumns, RowError, tidyNumber } from './table.js';
import { GOLD_PARITY_USD_PER_GBP } from './usdPerGbp.js';

/** The last year COW reports `milex` in pounds sterling. */
export const COW_LAST_STERLING_YEAR = 1913;

export type NmcRow = {
  ccode: number;
  stateabb: string | null;
  year: number;
  /** Thousands of current US$ (sterling years converted at `usd_per_gbp`). */
  milex_usd_k: number | null;
  /** The figure as COW gives it, in `milex_unit`. */
  milex_raw: number | null;
  milex_unit: 'GBP thousand' | 'USD thousand';
  /** US$ per £ used for this row; null from 1914 on. */
  usd_per_gbp: number | null;
  milper: number | null;
  irst: number | null;
  pec: number | null;
  tpop: number | null;
  upop: number | null;
  cinc: number | null;
};

export type NmcImport = ImportResult<NmcRow>;

export interface NmcOptions {
  /** US$ per £ by year (e.g. from `parseUsdPerGbp`); years missing from it use `fallbackRate`. */
  usdPerGbp?: ReadonlyMap<number, number>;
  /** Rate for sterling years with no entry in `usdPerGbp`. @default GOLD_PARITY_USD_PER_GBP (≈ 4.8666) */
  fallbackRate?: number;
  /** Keep only these states (COW codes or abbreviations). @default all */
  countries?: readonly (string | number)[];
  /** Describes `usdPerGbp` in the notes, e.g. its citation. @default 'the rate table given' */
  rateSource?: string;
}

const NUMERIC = ['milper', 'irst', 'pec', 'tpop', 'upop', 'cinc'] as const;

export const NMC_COLUMNS: readonly string[] = ['ccode', 'stateabb', 'year', 'milex_usd_k', 'milex_raw', 'milex_unit', 'usd_per_gbp', ...NUMERIC];

/**
 * Parses an NMC CSV (COW's own `NMC-60-abridged.csv` or the peacesciencer export: columns ccode, year, milex and
 * optionally stateabb, milper, irst, pec, tpop, upop, cinc). Missing values (empty, NA, COW's -9) become null.
 * Example: a 1913 row with milex 1000 (£ thousand) and rate 4.87 gives milex_usd_k 4870.
 */
export function parseCowNmc(text: string, options: NmcOptions = {}): NmcImport {
  const table = readTable(text);
  const col = requireColumns(table, { ccode: ['ccode'], year: ['year'], milex: ['milex'] }, 'COW NMC');
  const abb = findColumn(table, ['stateabb']);
  const extra = NUMERIC.map((n) => findColumn(table, [n]));
  const keep = countrySet(options.countries);
  const fallback = options.fallbackRate ?? GOLD_PARITY_USD_PER_GBP;
  const rows: NmcRow[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let atParity = 0;
  let filtered = 0;
  const missing = { missingCodes: [-9] } as const;
  eachRecord(table, skipped, (rec) => {
    const ccode = numberCell(rec.fields[col.ccode], 'ccode', { integer: true, min: 1, missing: [] })!;
    const stateabb = abb >= 0 ? rec.fields[abb].trim() || null : null;
    if (keep && !keep.has(String(ccode)) && !(stateabb && keep.has(stateabb))) {
      filtered++;
      return;
    }
    const year = numberCell(rec.fields[col.year], 'year', { integer: true, min: 1800, max: 2100, missing: [] })!;
    const key = `${ccode}/${year}`;
    if (seen.has(key)) throw new RowError(`duplicate: ccode ${ccode} year ${year} appears again`);
    const raw = numberCell(rec.fields[col.milex], 'milex', missing);
    if (raw !== null && raw < 0) throw new RowError(`out of range: milex is ${raw}, expected ≥ 0 or -9 (missing)`);
    const sterling = year <= COW_LAST_STERLING_YEAR;
    let rate: number | null = null;
    if (sterling) {
      rate = options.usdPerGbp?.get(year) ?? fallback;
      if (raw !== null && !options.usdPerGbp?.has(year)) atParity++;
    }
    const row: NmcRow = {
      ccode,
      stateabb,
      year,
      milex_usd_k: raw === null ? null : sterling ? tidyNumber(raw * rate!) : raw,
      milex_raw: raw,
      milex_unit: sterling ? 'GBP thousand' : 'USD thousand',
      usd_per_gbp: rate,
      milper: null, irst: null, pec: null, tpop: null, upop: null, cinc: null,
    };
    NUMERIC.forEach((n, k) => {
      if (extra[k] >= 0) row[n] = numberCell(rec.fields[extra[k]], n, missing);
    });
    seen.add(key);
    rows.push(row);
  });
  const source = options.usdPerGbp ? (options.rateSource ?? 'the rate table given') : `the gold-standard mint parity ${fallback.toFixed(4)} US$/£`;
  const notes = [
    `milex_usd_k: thousands of current US$. COW gives milex in thousands of current £ up to ${COW_LAST_STERLING_YEAR} and thousands of current US$ from 1914; sterling years were multiplied by usd_per_gbp (${source})`,
    'milex_raw and milex_unit keep the figure as COW gives it; prices are current (not deflated)',
    'milper: thousands of personnel; irst: thousands of tons of iron and steel; pec: thousands of coal-ton equivalents; tpop, upop: thousands of people; cinc: share of the system total',
    'missing values (empty, NA, -9) are empty',
  ];
  if (keep) notes.push(`${filtered} rows of other states left out (countries filter)`);
  if (options.usdPerGbp && atParity) notes.push(`${atParity} sterling rows had no rate in the table and used ${fallback.toFixed(4)} US$/£`);
  if (!options.usdPerGbp) notes.push('the mint parity is close to market rates 1879–1913 but not in 1862–1878 (US greenback period); pass a MeasuringWorth rate file for year-by-year rates');
  return { kind: 'cow-nmc', columns: [...NMC_COLUMNS], rows, skipped, notes };
}
