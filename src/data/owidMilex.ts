/**
 * Our World in Data's long-run military expenditure series ("Military expenditure - OWID based on CoW & SIPRI",
 * owid/notebooks, EdouardMathieu/omm_military_expenditure): columns `country`, `year`, `military_expenditure`
 * (constant 2020 US$, deflated with the US CPI), `military_expenditure_per_capita`, `military_expenditure_share_gdp`.
 * OWID splices COW NMC v6 (which has priority) with SIPRI (which fills gaps and the years after 2016), so a
 * country's series can change source — and level — from one year to the next; `sourceBreaks` finds such jumps.
 */
import type { ImportResult, Skipped } from './importResult.js';
import { countrySet, eachRecord, numberCell, readTable, requireColumns, RowError } from './table.js';

export type OwidMilexRow = {
  country: string;
  year: number;
  /** Constant 2020 US$ (not millions: OWID stores dollars). */
  milex_const2020_usd: number | null;
  milex_per_capita: number | null;
  /** Percent of GDP. */
  milex_share_gdp: number | null;
};

export type OwidMilexImport = ImportResult<OwidMilexRow>;

/**
 * Parses the OWID CSV. Empty cells are missing values; rows with a bad year or number, or a repeated
 * country-year, are skipped with their line and reason. `countries` keeps only the named countries (OWID names,
 * e.g. `North Korea`), after parsing: malformed rows are reported for every country. Example: `parseOwidMilex(text, { countries: ['North Korea'] }).rows[0].milex_const2020_usd`.
 */
export function parseOwidMilex(text: string, options: { countries?: readonly string[] } = {}): OwidMilexImport {
  const keep = countrySet(options.countries);
  const table = readTable(text);
  const col = requireColumns(
    table,
    {
      country: ['country', 'entity'],
      year: ['year'],
      milex: ['military_expenditure'],
      perCapita: ['military_expenditure_per_capita'],
      share: ['military_expenditure_share_gdp'],
    },
    'OWID military expenditure',
  );
  const rows: OwidMilexRow[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  eachRecord(table, skipped, (rec) => {
    const country = rec.fields[col.country].trim();
    if (!country) throw new RowError('missing value: country is empty');
    const year = numberCell(rec.fields[col.year], 'year', { integer: true, min: 1700, max: 2100 });
    if (year === null) throw new RowError('missing value: year is empty');
    const key = `${country}\u0000${year}`;
    if (seen.has(key)) throw new RowError(`duplicate: ${country} ${year} appears again`);
    seen.add(key);
    rows.push({
      country,
      year,
      milex_const2020_usd: numberCell(rec.fields[col.milex], 'military_expenditure', { min: 0 }),
      milex_per_capita: numberCell(rec.fields[col.perCapita], 'military_expenditure_per_capita', { min: 0 }),
      milex_share_gdp: numberCell(rec.fields[col.share], 'military_expenditure_share_gdp', { min: 0 }),
    });
  });
  // The filter applies after parsing, so a malformed row is reported whichever country it names.
  const kept = keep ? rows.filter((r) => keep.has(r.country)) : rows;
  const notes = ['military_expenditure is in constant 2020 US$ (OWID: COW NMC v6 first, SIPRI for gaps and after 2016)'];
  if (keep) notes.push(`${rows.length - kept.length} rows of other countries left out (countries filter)`);
  return { kind: 'owid-milex', columns: ['country', 'year', 'milex_const2020_usd', 'milex_per_capita', 'milex_share_gdp'], rows: kept, skipped, notes };
}
