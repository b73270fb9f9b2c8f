/**
 * CAMEO-coded event data — ICEWS (Harvard Dataverse doi:10.7910/DVN/28075) and GDELT 1.0/2.0 event files
 * (https://www.gdeltproject.org/data.html) — scored with a Goldstein table and aggregated to a monthly
 * directed-dyad conflict–cooperation series (Goldstein 1992; Goldstein & Freeman 1990 use such series).
 *
 * Layouts: ICEWS with a header (`Event Date`/`event_date`, `Source Country`, `Target Country`, `CAMEO Code`;
 * tab- or comma-separated); GDELT either headerless and tab-separated (57, 58 or 61 fields: SQLDATE at field 2,
 * Actor1CountryCode at 8, Actor2CountryCode at 18, EventCode at 27) or with its header names.
 */
import type { CsvRecord } from './csvRows.js';
import { formatError, type ImportResult, type Skipped } from './importResult.js';
import { CAMEO_CODE, goldsteinScore } from './goldstein.js';
import { checkDate, nextMonth } from './cns.js';
import { countrySet, eachRecord, findColumn, firstLineOf, readTable, RowError, tidyNumber, type Table } from './table.js';

export type EventLayout = 'icews' | 'gdelt';

/** One directed dyad in one month. Scores are sums of Goldstein weights; `goldstein_mean` is null in empty months. */
export type EventMonth = {
  month: string;
  source: string;
  target: string;
  events: number;
  goldstein_sum: number;
  goldstein_mean: number | null;
  /** Sum of the positive weights. */
  cooperation: number;
  /** Sum of the absolute negative weights. */
  conflict: number;
  cooperative_events: number;
  conflictual_events: number;
};

export const EVENT_MONTH_COLUMNS: readonly string[] = ['month', 'source', 'target', 'events', 'goldstein_sum', 'goldstein_mean', 'cooperation', 'conflict', 'cooperative_events', 'conflictual_events'];

export interface EventsOptions {
  /** CAMEO code → Goldstein weight (from `parseGoldsteinTable`). Required. */
  goldstein: ReadonlyMap<string, number>;
  /** Keep only events whose source and target are both listed (as written in the file: ICEWS country names, GDELT CAMEO country codes). @default all */
  countries?: readonly string[];
  /** Keep events whose source and target country are the same. @default false */
  includeDomestic?: boolean;
}

/** GDELT event-file field positions (0-based), the same in versions 1.0 and 2.0. */
const GDELT_POS = { date: 1, source: 7, target: 17, code: 26 };

interface Columns {
  date: number;
  source: number;
  target: number;
  code: number;
}

function locate(table: Table): { layout: EventLayout; cols: Columns; headerless: boolean } {
  const has = (...names: string[]) => names.map((n) => findColumn(table, [n]));
  const [iDate, iSrc, iTgt, iCode] = has('event_date', 'source_country', 'target_country', 'cameo_code');
  if (iDate >= 0 && iSrc >= 0 && iTgt >= 0 && iCode >= 0) return { layout: 'icews', cols: { date: iDate, source: iSrc, target: iTgt, code: iCode }, headerless: false };
  const [gDate, gSrc, gTgt, gCode] = has('sqldate', 'actor1countrycode', 'actor2countrycode', 'eventcode');
  if (gDate >= 0 && gSrc >= 0 && gTgt >= 0 && gCode >= 0) return { layout: 'gdelt', cols: { date: gDate, source: gSrc, target: gTgt, code: gCode }, headerless: false };
  if (table.header.length >= 57 && /^\d+$/.test(table.header[0]) && /^\d{8}$/.test(table.header[1])) return { layout: 'gdelt', cols: GDELT_POS, headerless: true };
  return formatError(1, 1, 'not an event file: expected an ICEWS header (event date, source country, target country, CAMEO code), a GDELT header (SQLDATE, Actor1CountryCode, Actor2CountryCode, EventCode) or headerless GDELT rows of 57–61 tab-separated fields');
}

/** The month of an ICEWS `YYYY-MM-DD` or GDELT `YYYYMMDD` date; a date that is not a calendar day is a RowError. */
function monthOf(raw: string, layout: EventLayout): string {
  const t = raw.trim();
  const iso = layout === 'gdelt' && /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RowError(`bad date: '${t}'`);
  checkDate(iso);
  return iso.slice(0, 7);
}

/**
 * Reads an ICEWS or GDELT event file, scores each event with the Goldstein table and sums by month and directed
 * dyad (source → target country); each dyad gets every month from the first to the last month of the file, with
 * zeros where it had no events. Events without both countries, domestic events (unless `includeDomestic`) and
 * codes missing from the table are skipped and listed.
 */
export function parseEvents(text: string, options: EventsOptions): ImportResult<EventMonth> & { layout: EventLayout } {
  // Headerless GDELT files are tab-separated and never quote: a quote in a name or URL is a plain character.
  const gdeltRows = /^\d+\t\d{8}\t/.test(firstLineOf(text)) && firstLineOf(text).split('\t').length >= 57;
  const table = readTable(text, gdeltRows ? { delimiter: '\t', quoting: false } : {});
  const { layout, cols, headerless } = locate(table);
  if (headerless) table.records.unshift({ line: table.headerLine, fields: table.rawHeader });
  const keep = countrySet(options.countries);
  const skipped: Skipped[] = [];
  const cells = new Map<string, EventMonth>();
  let filtered = 0;
  let byParent = 0;
  let first = '';
  let last = '';
  const check = (rec: CsvRecord) => {
    const f = rec.fields;
    if (headerless && f.length < 57) throw new RowError(`field count: expected at least 57 GDELT fields, found ${f.length}`);
    const source = f[cols.source].trim();
    const target = f[cols.target].trim();
    if (keep && !(keep.has(source) && keep.has(target))) {
      filtered++;
      return;
    }
    const month = monthOf(f[cols.date], layout);
    if (!source || !target) throw new RowError(`no dyad: ${!source ? 'source' : 'target'} country is empty`);
    if (source === target && !options.includeDomestic) throw new RowError(`domestic: source and target are both ${source}`);
    const code = f[cols.code].trim();
    if (!CAMEO_CODE.test(code)) throw new RowError(`bad code: '${code}' is not a CAMEO code`);
    const scored = goldsteinScore(options.goldstein, code);
    if (!scored) throw new RowError(`unknown code: CAMEO ${code} is not in the Goldstein table`);
    if (scored.via !== code) byParent++;
    if (!first || month < first) first = month;
    if (!last || month > last) last = month;
    const key = `${source}\u0000${target}\u0000${month}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = emptyMonth(month, source, target)));
    add(c, scored.score);
  };
  eachRecord(table, skipped, check, headerless ? null : table.header.length);
  const rows = fillMonths(cells, first, last);
  const notes = [
    `layout: ${layout}${headerless ? ' (headerless, tab-separated)' : ''}; source → target are the ${layout === 'icews' ? 'ICEWS country names' : 'GDELT Actor1/Actor2 CAMEO country codes'}`,
    'goldstein_sum: sum of the Goldstein weights (−10 conflict … +10 cooperation) of the dyad\'s events that month; cooperation/conflict: sums of the positive / absolute negative weights; events are unweighted (no mention counts)',
    'each dyad has every month from the first to the last month of the file; months without events are zeros (goldstein_mean empty)',
  ];
  if (byParent) notes.push(`${byParent} events scored by their parent CAMEO code (the code itself is not in the table)`);
  if (keep) notes.push(`${filtered} events outside the countries filter left out`);
  return { kind: 'events', layout, columns: [...EVENT_MONTH_COLUMNS], rows, skipped, notes };
}

function emptyMonth(month: string, source: string, target: string): EventMonth {
  return { month, source, target, events: 0, goldstein_sum: 0, goldstein_mean: null, cooperation: 0, conflict: 0, cooperative_events: 0, conflictual_events: 0 };
}

function add(c: EventMonth, score: number): void {
  c.events++;
  c.goldstein_sum += score;
  if (score > 0) {
    c.cooperation += score;
    c.cooperative_events++;
  } else if (score < 0) {
    c.conflict -= score;
    c.conflictual_events++;
  }
}


function fillMonths(cells: Map<string, EventMonth>, first: string, last: string): EventMonth[] {
  const dyads = [...new Set([...cells.values()].map((c) => `${c.source}\u0000${c.target}`))].sort();
  const rows: EventMonth[] = [];
  for (const d of dyads) {
    const [source, target] = d.split('\u0000');
    for (let m = first; m <= last; m = nextMonth(m)) {
      const c = cells.get(`${d}\u0000${m}`) ?? emptyMonth(m, source, target);
      c.goldstein_sum = tidyNumber(c.goldstein_sum);
      c.cooperation = tidyNumber(c.cooperation);
      c.conflict = tidyNumber(c.conflict);
      c.goldstein_mean = c.events ? tidyNumber(c.goldstein_sum / c.events) : null;
      rows.push(c);
    }
  }
  return rows;
}
