// The public entry: re-exports only. The core imports no `node:` module, so it runs in the browser too.
export { VERSION } from './version.js';
export { canonicalJson } from './scenario/canonical.js';
export { sha256Hex } from './scenario/sha256.js';
export { Xoroshiro128Plus, streamFor, type RandomSource } from './math/rng/index.js';
export { parseCsvRows, formatCsv, formatCsvField, type CsvRecord, type CsvRows, type CsvFault } from './data/csvRows.js';
export { DataFormatError, resultToCsv, type ImportResult, type Skipped, type FlatRow, type Cell, type FormatIssue } from './data/importResult.js';
export { parseJsonWithLines } from './data/jsonLines.js';
export { parseSipriCsv, parseSipriSheets, sipriMeasure, SIPRI_MARKERS, SIPRI_MAX_DATA_POINTS, type SipriRow, type SipriImport, type SipriOptions, type SheetGrid } from './data/sipri.js';
export { readSipriWorkbook, defaultSipriSheets, type SipriWorkbookOptions } from './data/sipriXlsx.js';
export { parseCowNmc, COW_LAST_STERLING_YEAR, type NmcRow, type NmcImport, type NmcOptions } from './data/cowNmc.js';
export { parseUsdPerGbp, GOLD_PARITY_USD_PER_GBP, type UsdPerGbp } from './data/usdPerGbp.js';
export { parseCowMid, midLayout, type MidImport, type MidLayout } from './data/cowMid.js';
export type { IntRow } from './data/intTable.js';
export { parseAtop, type AtopImport } from './data/atop.js';
export { parseCns, parseCnsLaunches, cnsMonthly, type CnsLaunch, type CnsMonth } from './data/cns.js';
export { parseGoldsteinTable, goldsteinScore, type GoldsteinTable } from './data/goldstein.js';
export { parseEvents, type EventMonth, type EventsOptions, type EventLayout } from './data/events.js';
