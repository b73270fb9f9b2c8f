/**
 * Alliance Treaty Obligations and Provisions (ATOP v4–v5, http://www.atopdata.org/), dyad-year files: one row
 * per pair of states and year with flags for each kind of obligation. Reads ATOP's own `atop5_1ddyr.csv`
 * (stateA, stateB, defense, …) and the peacesciencer export (ccode1, ccode2, atop_defense, …).
 */
import type { ImportResult } from './importResult.js';
import { parseIntTable, type IntColumn, type IntRow } from './intTable.js';

export type AtopImport = ImportResult<IntRow>;

const FLAG = { min: 0, max: 1 };

const COLUMNS: readonly IntColumn[] = [
  { name: 'ccode1', from: ['ccode1', 'statea', 'mem1'], required: true, min: 1 },
  { name: 'ccode2', from: ['ccode2', 'stateb', 'mem2'], required: true, min: 1 },
  { name: 'year', required: true, min: 1800, max: 2100 },
  { name: 'defense', from: ['atop_defense', 'defense'], required: true, ...FLAG },
  { name: 'offense', from: ['atop_offense', 'offense'], ...FLAG },
  { name: 'neutral', from: ['atop_neutral', 'neutral'], ...FLAG },
  { name: 'nonagg', from: ['atop_nonagg', 'nonagg'], ...FLAG },
  { name: 'consul', from: ['atop_consul', 'consul'], ...FLAG },
];

/**
 * Parses an ATOP dyad-year CSV. Flags are 1 when the two states share an alliance with that obligation in that
 * year. `countries` (COW codes) keeps the dyads whose two states are both listed.
 * Example: `parseAtop(text, { countries: [2, 732] })` → the US–South Korea dyad-years.
 */
export function parseAtop(text: string, options: { countries?: readonly (string | number)[] } = {}): AtopImport {
  return parseIntTable(
    text,
    {
      kind: 'atop',
      what: 'ATOP dyad-year',
      columns: COLUMNS,
      key: ['ccode1', 'ccode2', 'year'],
      countryColumns: ['ccode1', 'ccode2'],
      notes: ['ccode1, ccode2: COW state codes; defense, offense, neutral, nonagg (non-aggression), consul (consultation): 1 if an alliance of that kind links the dyad that year, else 0'],
    },
    options.countries,
  );
}
