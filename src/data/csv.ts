/**
 * A small, generic CSV reader (RFC 4180: comma-separated, optional double-quoted fields with "" escapes and
 * embedded newlines, LF or CRLF line ends, optional UTF-8 BOM). It parses text, never touches files, and reports
 * problems as `file:line: message` through {@link CsvError}.
 */

/**
 * A problem in a CSV text, located by file name, 1-based line and character column (`file:line:col`), with the
 * column name where one applies and a hint for the fix.
 */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
    readonly column?: string,
    readonly col?: number,
    readonly hint?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}:${col ?? 1}` : ''}: ${column !== undefined ? `column '${column}': ` : ''}${detail}`);
    this.name = 'CsvError';
  }
}

/** A parsed CSV: the header, the data rows as strings, and the line each row starts on. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  /** lines[r]: 1-based line number where data row r starts (the header is on line 1 unless blank lines precede). */
  lines: number[];
  /** cols[r][j]: 1-based character column where field j of data row r starts, for `file:line:col` messages. */
  cols?: number[][];
}

/**
 * Parses CSV text with a header row. Blank lines are skipped; every data row must have as many fields as the
 * header; header names are trimmed and must be unique and non-empty.
 * Example: `parseCsv('a,b\n1,2\n', 'x.csv').rows` → `[['1', '2']]`.
 */
export function parseCsv(text: string, file = '<csv>'): CsvTable {
  const records = splitRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  if (records.length === 0) throw new CsvError(file, undefined, 'empty file: a header row is needed');
  const [head, ...body] = records;
  const header = head.fields.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '') throw new CsvError(file, head.line, `header field ${i + 1} is empty`, undefined, head.cols[i], 'every column needs a name in the first row');
    if (seen.has(h)) throw new CsvError(file, head.line, `header names column '${h}' twice`, undefined, head.cols[i], 'rename one of the two columns');
    seen.add(h);
  });
  for (const r of body) {
    if (r.fields.length !== header.length) {
      throw new CsvError(file, r.line, `expected ${header.length} fields as in the header, found ${r.fields.length}`, undefined, r.cols[Math.min(r.cols.length, header.length) - 1], 'a field holding a comma must be in double quotes');
    }
  }
  return { file, header, rows: body.map((r) => r.fields), lines: body.map((r) => r.line), cols: body.map((r) => r.cols) };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses one cell as a finite decimal number (no NA, no hex, no Infinity); undefined when it is not one. */
export function parseNumber(cell: string): number | undefined {
  const s = cell.trim();
  if (!NUMBER.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * The named columns as numbers, one array per name in the order asked. A missing column or a cell that is not a
 * finite number throws a {@link CsvError} naming the file, the line and the column.
 * Example: `numericColumns(parseCsv(text, 'x.csv'), ['gdp', 'inv'])`.
 */
export function numericColumns(table: CsvTable, names: string[]): number[][] {
  return names.map((name) => {
    const j = table.header.indexOf(name);
    if (j < 0) {
      const shown = table.header.length > 20 ? `${table.header.slice(0, 20).join(', ')}, …` : table.header.join(', ');
      throw new CsvError(table.file, undefined, `no column '${name}' (columns: ${shown})`, undefined, undefined, 'column names are case-sensitive and come from the header row');
    }
    return table.rows.map((row, r) => {
      const v = parseNumber(row[j]);
      if (v === undefined) {
        const cell = row[j].length > 40 ? `${row[j].slice(0, 40)}…` : row[j];
        const shown = row[j].trim() === '' ? 'an empty cell' : `'${cell}'`;
        throw new CsvError(table.file, table.lines[r], `${shown} is not a number`, name, table.cols?.[r]?.[j], 'every cell of a column used must be a decimal number (no NA, no thousands separators)');
      }
      return v;
    });
  });
}

interface RawRecord {
  fields: string[];
  line: number;
  cols: number[];
}

function splitRecords(text: string, file: string): RawRecord[] {
  const out: RawRecord[] = [];
  let fields: string[] = [];
  let cols: number[] = [1];
  let field = '';
  let line = 1;
  let start = 1;
  let lineStart = 0;
  let inQuotes = false;
  let quotedField = false;
  let any = false;
  const endRecord = () => {
    fields.push(field);
    if (any || fields.length > 1 || field.trim() !== '') out.push({ fields, line: start, cols });
    fields = [];
    field = '';
    any = false;
    quotedField = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') (line++, (lineStart = i + 1));
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '' || quotedField) throw new CsvError(file, line, 'a quote inside an unquoted field', undefined, i - lineStart + 1, 'quote the whole field, and double quotes inside it ("")');
      field = '';
      inQuotes = true;
      quotedField = true;
      any = true;
    } else if (ch === ',') {
      fields.push(field);
      cols.push(i - lineStart + 2);
      field = '';
      quotedField = false;
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      cols = [1];
      line++;
      start = line;
      lineStart = i + 1;
    } else {
      if (quotedField && ch !== ' ' && ch !== '\t') throw new CsvError(file, line, 'text after a closing quote', undefined, i - lineStart + 1, 'a quoted field ends at its closing quote; put the text inside the quotes');
      if (!quotedField) field += ch;
    }
  }
  if (inQuotes) throw new CsvError(file, start, 'a quoted field is never closed', undefined, undefined, 'add the closing double quote');
  endRecord();
  return out;
}
