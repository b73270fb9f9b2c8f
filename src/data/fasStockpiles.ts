/**
 * FAS nuclear warhead stockpiles as OWID republishes them (`country_name,year,nuclear_weapons_stockpile`; Kristensen,
 * Korda, Reynolds & Norris, Status of World Nuclear Forces). Country names keep OWID's spelling except that runs
 * of white space are collapsed (the file spells `North  Korea` with two spaces).
 */
import type { ImportResult, Skipped } from './importResult.js';
import { eachRecord, numberCell, readTable, requireColumns, RowError } from './table.js';

export type StockpileRow = { country: string; year: number; warheads: number };

/**
 * Parses the stockpile CSV; rows with a missing or bad number are skipped with their line and reason.
 * Example: `parseFasStockpiles('country_name,year,nuclear_weapons_stockpile\nChina,2023,410\n').rows[0].warheads` → 410.
 */
export function parseFasStockpiles(text: string): ImportResult<StockpileRow> {
  const table = readTable(text);
  const col = requireColumns(table, { country: ['country_name', 'country', 'entity'], year: ['year'], warheads: ['nuclear_weapons_stockpile', 'stockpile'] }, 'FAS stockpile');
  const rows: StockpileRow[] = [];
  const skipped: Skipped[] = [];
  eachRecord(table, skipped, (rec) => {
    const country = rec.fields[col.country].replace(/\s+/g, ' ').trim();
    if (!country) throw new RowError('missing value: country is empty');
    const year = numberCell(rec.fields[col.year], 'year', { integer: true, min: 1900, max: 2100 });
    const warheads = numberCell(rec.fields[col.warheads], 'nuclear_weapons_stockpile', { min: 0 });
    if (year === null || warheads === null) throw new RowError('missing value: year or stockpile is empty');
    rows.push({ country, year, warheads });
  });
  return { kind: 'fas-stockpiles', columns: ['country', 'year', 'warheads'], rows, skipped, notes: ['warheads in the stockpile (deployed and reserve, not retired)'] };
}
