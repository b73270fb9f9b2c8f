/**
 * An RFC 4180 tokenizer that keeps line numbers, so that importers can say `file:line` for every row they skip.
 * Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and a leading byte-order mark are
 * accepted. Pure: text in, records out.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** One record of a delimited file. `line` is the 1-based line on which the record starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record breaks RFC 4180 (a stray quote); importers skip such records and report them. */
  error?: { col: number; message: string };
}

/** A fault that makes the rest of the file unreadable (an unterminated quoted field). */
export interface CsvFault {
  line: number;
  col: number;
  message: string;
}

export interface CsvRowsOptions {
  /** Field separator, one character. @default ',' */
  delimiter?: string;
  /** Read double quotes as RFC 4180 quoting; false reads them as plain characters (files that never quote). @default true */
  quoting?: boolean;
}

export interface CsvRows {
  records: CsvRecord[];
  /** Empty unless a quoted field runs to the end of the text. */
  faults: CsvFault[];
}

/**
 * Splits delimited text into records. Blank lines (outside quotes) yield no record. A quote inside an unquoted
 * field, or text after a closing quote, marks that record with `error` (the record is still returned, read
 * leniently, so the caller can report it); an unterminated quote is a fault of the file.
 * Example: `parseCsvRows('a,"b,c"\n1,2').records[0].fields` → `['a', 'b,c']`.
 */
export function parseCsvRows(text: string, options: CsvRowsOptions = {}): CsvRows {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`delimiter must be one character other than a quote or line break, got '${delimiter}'`);
  }
  const delim = delimiter.charCodeAt(0);
  const quoting = options.quoting ?? true;
  const records: CsvRecord[] = [];
  const faults: CsvFault[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let error: CsvRecord['error'];
    let field = '';
    let atRecordEnd = false;
    // A record that is an empty line holds no data.
    if (text[i] === '\n' || text[i] === '\r') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    while (!atRecordEnd) {
      if (quoting && text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        const openCol = i - lineStart + 1;
        i++;
        let closed = false;
        let chunkStart = i;
        field = '';
        // Copy runs between quotes and line breaks in one slice each; line breaks are counted as they pass.
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            field += text.slice(chunkStart, i);
            if (text.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i += 2;
              chunkStart = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === LF || c === CR) {
            if (c === CR && text.charCodeAt(i + 1) === LF) i++;
            line++;
            lineStart = i + 1;
          }
          i++;
        }
        if (!closed) {
          field += text.slice(chunkStart, i);
          faults.push({ line: openLine, col: openCol, message: 'quoted field is never closed' });
          fields.push(field);
          records.push({ line: recordLine, fields, error: { col: openCol, message: 'quoted field is never closed' } });
          return { records, faults };
        }
        // After a closing quote only a delimiter or the end of the record may follow.
        const restStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        if (i > restStart) {
          error ??= { col: restStart - lineStart + 1, message: 'text after a closing quote' };
          field += text.slice(restStart, i);
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE && quoting) error ??= { col: i - lineStart + 1, message: 'quote inside an unquoted field' };
          i++;
        }
        field = text.slice(start, i);
      }
      fields.push(field);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      atRecordEnd = true;
      if (i < n) {
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        lineStart = i;
      }
    }
    records.push(error ? { line: recordLine, fields, error } : { line: recordLine, fields });
  }
  return { records, faults };
}

/** Quotes a field when it holds the delimiter, a quote, a line break or leading/trailing space (RFC 4180). */
export function formatCsvField(value: string, delimiter = ','): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** Formats records as CSV text with LF line ends and a final newline. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  // A record of one empty field is written as "" so that it does not read back as a blank line.
  const line = (r: readonly string[]) => (r.length === 1 && r[0] === '' ? '""' : r.map((f) => formatCsvField(f, delimiter)).join(delimiter));
  return rows.map(line).join('\n') + (rows.length ? '\n' : '');
}
