/**
 * The CNS North Korea Missile Test Database (James Martin Center for Nonproliferation Studies for NTI,
 * https://www.nti.org/analysis/articles/cns-north-korea-missile-test-database/), one record per missile launched,
 * in two layouts: the JSON of the nagix/nk-missile-tests mirror (`{"timeBins":[{"data":[{date, missile, …}]}]}`)
 * and a flat CSV (`date_utc` or `date`, `missile_id` or `missile`, …). Dates are UTC days (`YYYY-MM-DD`); the early
 * record also has month-only dates (`YYYY-MM`).
 */
import { formatError, type ImportResult, type Skipped } from './importResult.js';
import { parseJsonWithLines } from './jsonLines.js';
import { eachRecord, findColumn, readTable, requireColumns, RowError } from './table.js';

/** One missile launched. */
export type CnsLaunch = {
  /** UTC date as recorded: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
  date: string;
  month: string;
  missile: string | null;
  facility: string | null;
  outcome: string | null;
  apogee_km: number | null;
  distance_km: number | null;
};

/** One calendar month: distinct launch days and missiles launched. */
export type CnsMonth = { month: string; events: number; missiles: number };

export const CNS_LAUNCH_COLUMNS: readonly string[] = ['date', 'month', 'missile', 'facility', 'outcome', 'apogee_km', 'distance_km'];
export const CNS_MONTH_COLUMNS: readonly string[] = ['month', 'events', 'missiles'];

/** Checks a `YYYY-MM-DD` or `YYYY-MM` date (a real calendar day); throws RowError otherwise. */
export function checkDate(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  const ok = m && +m[2] >= 1 && +m[2] <= 12 && (m[3] === undefined || (+m[3] >= 1 && +m[3] <= daysIn(+m[1], +m[2])));
  if (!ok) throw new RowError(`bad date: '${typeof raw === 'string' ? raw : JSON.stringify(raw ?? null)}', expected YYYY-MM-DD or YYYY-MM`);
  return text;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' || s.toLowerCase() === 'unknown' ? null : s;
}

/**
 * A distance in km. A launch is never dropped for its apogee or distance: texts other than numbers ("unknown",
 * "na") become null and are counted in `odd` so that the notes can say so.
 */
function km(v: unknown, odd: Map<string, number>): number | null {
  if (typeof v === 'number') return v;
  const s = text(v);
  if (s === null) return null;
  const n = Number(s);
  if (Number.isFinite(n)) return n;
  odd.set(s, (odd.get(s) ?? 0) + 1);
  return null;
}

function launch(date: unknown, missile: unknown, facility: unknown, outcome: unknown, apogee: unknown, distance: unknown, odd: Map<string, number>): CnsLaunch {
  const d = checkDate(date);
  return { date: d, month: d.slice(0, 7), missile: text(missile), facility: text(facility), outcome: text(outcome), apogee_km: km(apogee, odd), distance_km: km(distance, odd) };
}

/**
 * Parses the CNS record as JSON (`{"timeBins":[{"data":[...]}]}` or a bare array of records) or CSV (detected by
 * the first non-space character). Records without a valid date are skipped and listed; non-numeric
 * apogees and distances are left empty and counted in the notes. Throws DataFormatError on a syntax error or missing date column.
 */
export function parseCnsLaunches(input: string): ImportResult<CnsLaunch> {
  const skipped: Skipped[] = [];
  const rows: CnsLaunch[] = [];
  const odd = new Map<string, number>();
  const first = input.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{' || first === '[') {
    const { value, lineOf } = parseJsonWithLines(input);
    const bins = Array.isArray(value) ? [{ data: value }] : (value as { timeBins?: unknown }).timeBins;
    if (!Array.isArray(bins)) formatError(1, 1, "not a CNS JSON file: expected {\"timeBins\": [{\"data\": [...]}]} or an array of records");
    for (const bin of bins) {
      const data = (bin as { data?: unknown })?.data;
      if (!Array.isArray(data)) {
        skipped.push({ line: (bin && typeof bin === 'object' && lineOf(bin)) || 0, reason: 'bad record: a time bin has no data array' });
        continue;
      }
      for (const r of data) {
        const line = (r && typeof r === 'object' && lineOf(r)) || 0;
        try {
          if (!r || typeof r !== 'object' || Array.isArray(r)) throw new RowError('bad record: not an object');
          const o = r as Record<string, unknown>;
          rows.push(launch(o.date, o.missile, o.facility, o.outcome, o.apogee, o.distance, odd));
        } catch (e) {
          if (!(e instanceof RowError)) throw e;
          skipped.push({ line, reason: e.message });
        }
      }
    }
  } else {
    const table = readTable(input);
    const col = requireColumns(table, { date: ['date_utc', 'date'] }, 'CNS CSV');
    const c = (names: string[]) => findColumn(table, names);
    const [missile, facility, outcome, apogee, distance] = [c(['missile_id', 'missile']), c(['facility_id', 'facility']), c(['outcome']), c(['apogee_km', 'apogee']), c(['distance_km', 'distance'])];
    const at = (f: string[], i: number) => (i >= 0 ? f[i] : null);
    eachRecord(table, skipped, (rec) => {
      const f = rec.fields;
      rows.push(launch(f[col.date], at(f, missile), at(f, facility), at(f, outcome), at(f, apogee), at(f, distance), odd));
    });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const notes = ['one row per missile launched; date is the UTC day (YYYY-MM when the record gives only the month)', 'apogee_km, distance_km: kilometres; "unknown" is empty'];
  for (const [v, n] of odd) notes.push(`${n} apogee/distance cells held '${v}' (not a number) and are empty`);
  return { kind: 'cns', columns: [...CNS_LAUNCH_COLUMNS], rows, skipped, notes };
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Aggregates launches by calendar month: one row per month from the first to the last month of the record,
 * months without launches included as zeros. `events` counts distinct launch days (a month-only date counts as
 * one day), `missiles` counts missiles launched (records).
 * Example: launches on 2022-01-05 (2 missiles) and 2022-03-01 → 2022-01 {1, 2}, 2022-02 {0, 0}, 2022-03 {1, 1}.
 */
export function cnsMonthly(launches: readonly Pick<CnsLaunch, 'date' | 'month'>[]): CnsMonth[] {
  if (!launches.length) return [];
  const days = new Map<string, Set<string>>();
  const missiles = new Map<string, number>();
  let first = launches[0].month;
  let last = first;
  for (const l of launches) {
    if (!days.has(l.month)) days.set(l.month, new Set());
    days.get(l.month)!.add(l.date);
    missiles.set(l.month, (missiles.get(l.month) ?? 0) + 1);
    if (l.month < first) first = l.month;
    if (l.month > last) last = l.month;
  }
  const out: CnsMonth[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push({ month: m, events: days.get(m)?.size ?? 0, missiles: missiles.get(m) ?? 0 });
  return out;
}

/** Parses the CNS record and aggregates it by month (`month`, `events`, `missiles`), keeping the skipped list. */
export function parseCns(input: string): ImportResult<CnsMonth> {
  const launches = parseCnsLaunches(input);
  const rows = cnsMonthly(launches.rows);
  const notes = [
    `${launches.rows.length} missiles on ${new Set(launches.rows.map((l) => l.date)).size} launch days, ${rows.length} months ${rows[0]?.month ?? ''}–${rows.at(-1)?.month ?? ''}`,
    'events: distinct UTC launch days in the month (a month-only date counts as one day); missiles: missiles launched; months without launches are zeros',
    ...launches.notes.filter((n) => n.includes('apogee/distance cells')),
  ];
  return { kind: 'cns', columns: [...CNS_MONTH_COLUMNS], rows, skipped: launches.skipped, notes };
}
