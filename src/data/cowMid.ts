/**
 * Militarized Interstate Disputes: COW MID (v4–v5, https://correlatesofwar.org/data-sets/mids/) and the
 * Gibler–Miller–Little revision (GML MID, https://dmgibler.people.ua.edu/mid-data.html), in the two layouts
 * analysts use — directed dyad-years (one row per dispute, ordered pair of states and year) and disputes (one row
 * per dispute). The `cowmid`/`gmlmid` prefixes of the peacesciencer export are dropped, so both read alike.
 */
import { formatError, type ImportResult } from './importResult.js';
import { parseIntTable, type IntColumn, type IntRow } from './intTable.js';
import { firstLineOf, normalizeName, readTable } from './table.js';

export type MidLayout = 'dyad-year' | 'dispute';
export type MidImport = ImportResult<IntRow> & { layout: MidLayout };

const YEAR = { min: 1800, max: 2100 };
const FLAG = { min: 0, max: 1 };
const HOSTLEV = { min: 1, max: 5 };

const DYAD_YEAR: readonly IntColumn[] = [
  { name: 'dispnum', required: true, min: 1 },
  { name: 'ccode1', required: true, min: 1 },
  { name: 'ccode2', required: true, min: 1 },
  { name: 'year', required: true, ...YEAR },
  { name: 'onset', from: ['cowmidonset', 'gmlmidonset', 'midonset', 'onset'], ...FLAG },
  { name: 'ongoing', from: ['cowmidongoing', 'gmlmidongoing', 'midongoing', 'ongoing'], ...FLAG },
  { name: 'sidea1', ...FLAG },
  { name: 'sidea2', ...FLAG },
  { name: 'orig1', ...FLAG },
  { name: 'orig2', ...FLAG },
  { name: 'hiact1', min: 0 },
  { name: 'hiact2', min: 0 },
  { name: 'hostlev1', ...HOSTLEV },
  { name: 'hostlev2', ...HOSTLEV },
  { name: 'fatality1', min: 0 },
  { name: 'fatality2', min: 0 },
  { name: 'hostlev', ...HOSTLEV },
  { name: 'fatality', min: 0 },
  { name: 'recip', ...FLAG },
  { name: 'stmon', min: 1, max: 12 },
  { name: 'mindur', min: 0 },
  { name: 'maxdur', min: 0 },
];

const DISPUTE: readonly IntColumn[] = [
  { name: 'dispnum', required: true, min: 1 },
  { name: 'styear', required: true, ...YEAR },
  { name: 'stmon', min: 1, max: 12 },
  { name: 'endyear', ...YEAR },
  { name: 'endmon', min: 1, max: 12 },
  { name: 'outcome', min: 0 },
  { name: 'settle', min: 0 },
  { name: 'fatality', min: 0 },
  { name: 'hiact', min: 0 },
  { name: 'hostlev', required: true, ...HOSTLEV },
  { name: 'recip', ...FLAG },
  { name: 'mindur', min: 0 },
  { name: 'maxdur', min: 0 },
];

const CODES =
  'hostlev: highest level of hostility, 1 no militarized action, 2 threat to use force, 3 display of force, 4 use of force, 5 war; ' +
  'hiact: highest action (COW codebook, 0–23); fatality: battle-death category (0 none … 6 >999); durations in days';

/** Which MID layout a header describes: ccode1 and ccode2 → dyad-year; styear → dispute. */
export function midLayout(header: readonly string[]): MidLayout | undefined {
  const h = header.map(normalizeName);
  if (h.includes('ccode1') && h.includes('ccode2')) return 'dyad-year';
  if (h.includes('styear')) return 'dispute';
  return undefined;
}

/**
 * Parses a COW or GML MID file in either layout (detected from the header). `countries` (COW codes) keeps, for
 * dyad-years, the dyads whose two states are both listed; it does not apply to dispute files.
 * Example: `parseCowMid(text, { countries: [731, 732] })` → the inter-Korean directed dyad-years.
 */
export function parseCowMid(text: string, options: { countries?: readonly (string | number)[] } = {}): MidImport {
  const header = readTable(firstLineOf(text)).header;
  const layout = midLayout(header);
  if (!layout) formatError(1, 1, 'not a MID file: expected ccode1 and ccode2 (dyad-year) or styear (dispute) in the header');
  const spec =
    layout === 'dyad-year'
      ? { kind: 'cow-mid', what: 'MID dyad-year', columns: DYAD_YEAR, key: ['dispnum', 'ccode1', 'ccode2', 'year'], countryColumns: ['ccode1', 'ccode2'],
          notes: ['layout: directed dyad-year (state 1 → state 2); onset/ongoing: dispute begins/continues that year', CODES] }
      : { kind: 'cow-mid', what: 'MID dispute', columns: DISPUTE, key: ['dispnum'], notes: ['layout: one row per dispute', CODES] };
  const result = parseIntTable(text, spec, layout === 'dyad-year' ? options.countries : undefined);
  if (layout === 'dispute' && options.countries?.length) result.notes.push('the countries filter does not apply to dispute-level files');
  return { ...result, layout };
}
