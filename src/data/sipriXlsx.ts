/**
 * Reads SIPRI's own workbook (`SIPRI-Milex-data-1949-2024.xlsx`) with exceljs. exceljs is loaded on first use
 * only, so importing this module costs nothing until a workbook is read; the bytes come from the caller (no file
 * system access here).
 */
import { DataFormatError } from './importResult.js';
import { parseSipriSheets, type SheetGrid, type SipriImport } from './sipri.js';

export interface SipriWorkbookOptions {
  /**
   * Sheet names to read (matched ignoring case and surrounding space). @default the sheet named
   * "Constant (YYYY) US$" and the sheet "Share of GDP".
   */
  sheets?: readonly string[];
  /** Keep only these countries, named as SIPRI names them. @default all */
  countries?: readonly string[];
}

/** The sheets read by default: constant US$ and share of GDP. */
export function defaultSipriSheets(names: readonly string[]): string[] {
  return names.filter((n) => /^constant\s*\(\d{4}\)\s*us\$?$/i.test(n.trim()) || /^share of gdp$/i.test(n.trim()));
}

/**
 * Parses the xlsx bytes of SIPRI's workbook into one row per country-year, one column per sheet read (units in
 * the notes: constant US$ million; shares in percent). Throws DataFormatError when the bytes are not an xlsx
 * file or a requested sheet is absent.
 * Example: `await readSipriWorkbook(bytes, { sheets: ['Share of GDP'] })`.
 */
export async function readSipriWorkbook(data: ArrayBuffer | Uint8Array, options: SipriWorkbookOptions = {}): Promise<SipriImport> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; its zip reader accepts any byte array.
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new DataFormatError([{ line: 1, col: 1, message: `not a readable xlsx workbook (${e instanceof Error ? e.message : String(e)})` }]);
  }
  const names = wb.worksheets.map((w) => w.name);
  const wanted = options.sheets?.length ? [...options.sheets] : defaultSipriSheets(names);
  if (!wanted.length) {
    throw new DataFormatError([{ line: 1, col: 1, message: `no SIPRI data sheet found; the workbook has: ${names.join(', ')}` }]);
  }
  const sheets = wanted.map((want) => {
    const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === want.trim().toLowerCase());
    if (!ws) throw new DataFormatError([{ line: 1, col: 1, message: `sheet '${want}' not found; the workbook has: ${names.join(', ')}` }]);
    const grid: SheetGrid = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = row.values as unknown[];
      const cells: (string | number | null)[] = [];
      for (let c = 1; c < values.length; c++) cells.push(plainValue(values[c]));
      grid[rowNumber - 1] = cells;
    });
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    return { name: ws.name, grid };
  });
  return parseSipriSheets(sheets, { countries: options.countries });
}

/** Reduces an exceljs cell value (formula, rich text, hyperlink, error, date) to a number, a string or null. */
function plainValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('result' in o) return plainValue(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return plainValue(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}
