/**
 * A small, generic CSV reader (RFC 4180: comma-separated, optional double-quoted fields with "" escapes and
 * embedded newlines, LF or CRLF line ends, optional UTF-8 BOM). It parses text, never touches files, and reports
 * problems as `file:line: message` through {@link CsvError}.
 */

/** A problem in a CSV text, located by file name and 1-based line (and column name where one applies). */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
    readonly column?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${column !== undefined ? `column '${column}': ` : ''}${detail}`);
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
    if (h === '') throw new CsvError(file, head.line, `header field ${i + 1} is empty`);
    if (seen.has(h)) throw new CsvError(file, head.line, `header names column '${h}' twice`);
    seen.add(h);
  });
  for (const r of body) {
    if (r.fields.length !== header.length) {
      throw new CsvError(file, r.line, `expected ${header.length} fields as in the header, found ${r.fields.length}`);
    }
  }
  return { file, header, rows: body.map((r) => r.fields), lines: body.map((r) => r.line) };
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
      throw new CsvError(table.file, undefined, `no column '${name}' (columns: ${table.header.join(', ')})`);
    }
    return table.rows.map((row, r) => {
      const v = parseNumber(row[j]);
      if (v === undefined) {
        const shown = row[j].trim() === '' ? 'an empty cell' : `'${row[j]}'`;
        throw new CsvError(table.file, table.lines[r], `${shown} is not a number`, name);
      }
      return v;
    });
  });
}

interface RawRecord {
  fields: string[];
  line: number;
}

function splitRecords(text: string, file: string): RawRecord[] {
  const out: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  let quotedField = false;
  let any = false;
  const endRecord = () => {
    fields.push(field);
    if (any || fields.length > 1 || field.trim() !== '') out.push({ fields, line: start });
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
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '' || quotedField) throw new CsvError(file, line, 'a quote inside an unquoted field');
      field = '';
      inQuotes = true;
      quotedField = true;
      any = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      quotedField = false;
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      if (quotedField && ch !== ' ' && ch !== '\t') throw new CsvError(file, line, 'text after a closing quote');
      if (!quotedField) field += ch;
    }
  }
  if (inQuotes) throw new CsvError(file, start, 'a quoted field is never closed');
  endRecord();
  return out;
}
