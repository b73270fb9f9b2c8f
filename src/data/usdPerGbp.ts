/**
 * Dollar–pound exchange rates for converting COW's pre-1914 sterling figures: MeasuringWorth's series
 * (Lawrence H. Officer, "Dollar-Pound Exchange Rate From 1791", https://www.measuringworth.com/datasets/exchangepound/)
 * read from its CSV download, or the gold-standard mint parity when no series is given.
 */
import { parseCsvRows } from './csvRows.js';
import { DataFormatError, formatError, type Skipped } from './importResult.js';
import { normalizeName, numberCell, RowError } from './table.js';

/**
 * US$ per £ at the mint parity of the classical gold standard: £1 = 113.0016 grains of fine gold and
 * $1 = 23.22 grains, so 113.0016 / 23.22 ≈ 4.8666. Market rates stayed near it while both countries were on
 * gold (1879–1913), but not during the US greenback period (1862–1878), when the dollar traded far below par.
 */
export const GOLD_PARITY_USD_PER_GBP = 113.0016 / 23.22;

export interface UsdPerGbp {
  /** US$ per £ by year. */
  rates: Map<number, number>;
  skipped: Skipped[];
  /** The lines before the header (MeasuringWorth puts its description and citation there). */
  preamble: string[];
}

/**
 * Parses MeasuringWorth's exchange-rate CSV: preamble lines, then a header `"Year","Unit","Rate"` (or
 * `year,usd_per_gbp`), then one row per year. Bad rows are skipped and listed; a file without such a header
 * throws DataFormatError.
 */
export function parseUsdPerGbp(text: string): UsdPerGbp {
  const { records, faults } = parseCsvRows(text);
  if (faults.length) throw new DataFormatError(faults);
  const h = records.findIndex((r) => r.fields.map(normalizeName).includes('year') && r.fields.map(normalizeName).some((f) => f === 'rate' || f === 'usd_per_gbp'));
  if (h < 0) formatError(1, 1, "not a dollar-pound rate file: no header with 'Year' and 'Rate' (or 'usd_per_gbp')");
  const names = records[h].fields.map(normalizeName);
  const yi = names.indexOf('year');
  const ri = names.findIndex((f) => f === 'rate' || f === 'usd_per_gbp');
  const rates = new Map<number, number>();
  const skipped: Skipped[] = [];
  for (const rec of records.slice(h + 1)) {
    try {
      if (rec.error) throw new RowError(`malformed CSV: ${rec.error.message} at column ${rec.error.col}`);
      const year = numberCell(rec.fields[yi], 'year', { integer: true, min: 1700, max: 2100, missing: [] });
      const rate = numberCell(rec.fields[ri], 'rate', { min: Number.MIN_VALUE, missing: [] });
      if (rates.has(year!)) throw new RowError(`duplicate: year ${year} appears again`);
      rates.set(year!, rate!);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      skipped.push({ line: rec.line, reason: e.message });
    }
  }
  const preamble = records.slice(0, h).map((r) => r.fields.join(',').trim()).filter((s) => s !== '');
  return { rates, skipped, preamble };
}
