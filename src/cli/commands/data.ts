/**
 * `flashpoints data import <kind> --in FILE [--out FILE.csv] [--json]`: reads a data set as downloaded (SIPRI,
 * COW NMC, COW/GML MID, ATOP, CNS missile tests, ICEWS/GDELT events) and writes typed rows as CSV, reporting every
 * row it skipped with `file:line` and the reason. See docs/data.md.
 */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { envelope, printJson } from '../output.js';
import type { FlatRow, ImportResult } from '../../data/importResult.js';

export const DATA_KINDS = ['sipri', 'cow-nmc', 'cow-mid', 'atop', 'cns', 'events'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Entries of `skipped` listed in `--json` output; the count and the counts by reason are always complete. */
const JSON_SKIPPED_MAX = 1000;
/** Skipped rows printed on stderr without `--json`. */
const TEXT_SKIPPED_MAX = 20;

interface ImportOptions {
  in: string;
  out?: string;
  json?: boolean;
  sheet?: string[];
  usdPerGbp?: string;
  goldstein?: string;
  countries?: string[];
  includeDomestic?: boolean;
  launches?: boolean;
}

function parseKind(raw: string): DataKind {
  if ((DATA_KINDS as readonly string[]).includes(raw)) return raw as DataKind;
  throw new InputError([`unknown data kind '${raw}'`], `choose one of: ${DATA_KINDS.join(', ')}`);
}

/** A comma-separated list, or semicolon-separated when names hold commas (`Korea, South;Japan`). */
function parseList(raw: string): string[] {
  const items = raw.split(raw.includes(';') ? ';' : ',').map((s) => s.trim()).filter((s) => s !== '');
  if (!items.length) throw new InputError([`--countries needs a comma-separated list, got '${raw}'`]);
  return items;
}

/** Registers `data` and its sub-command `import` (kinds, options and help text as in docs/data.md). */
export function registerData(program: Command): void {
  const data = program.command('data').description('Work with the field\'s standard data sets (docs/data.md)');
  data
    .command('import')
    .description('Import SIPRI, COW NMC, COW/GML MID, ATOP, CNS missile tests or ICEWS/GDELT events as typed CSV rows')
    .argument('<kind>', `data set: ${DATA_KINDS.join(' | ')}`, parseKind)
    .requiredOption('--in <file>', 'the file as downloaded (sipri: .xlsx workbook or long CSV; cns: JSON or CSV)')
    .option('--out <file>', 'write the rows as CSV to this file (default: CSV on stdout, summary on stderr)')
    .option('--json', 'print one JSON document: envelope, kind, rows (count), columns, skipped, notes, and data unless --out')
    .option('--sheet <name>', 'sipri xlsx: a sheet to read, repeatable (default: "Constant (YYYY) US$" and "Share of GDP")', (v: string, prev: string[] = []) => [...prev, v])
    .option('--usd-per-gbp <file>', 'cow-nmc: MeasuringWorth dollar-pound rate CSV for the sterling years (default: gold mint parity ≈ 4.8666)')
    .option('--goldstein <file>', 'events (required): CAMEO→Goldstein table, GDELT CAMEO.goldsteinscale.txt or ICEWS goldstein mappings CSV')
    .option('--countries <list>', 'keep only these: COW codes (cow-nmc also takes abbreviations; dyads need both sides listed), SIPRI names for sipri, or, for events, the country names/codes as in the file; separate with ";" when names hold commas', parseList)
    .option('--include-domestic', 'events: keep events whose source and target are the same country')
    .option('--launches', 'cns: one row per missile launched instead of per month')
    .addHelpText('after', '\nExamples:\n  flashpoints data import cns --in test.en.json --out nk_monthly.csv\n  flashpoints data import sipri --in SIPRI-Milex-data-1949-2024.xlsx --sheet "Share of GDP" --json\n  flashpoints data import events --in events.csv --goldstein CAMEO.goldsteinscale.txt --countries "North Korea,South Korea"\n')
    .exitOverride()
    .action(async (kind: DataKind, opts: ImportOptions) => {
      const result = await runImport(kind, opts);
      await emit(kind, opts, result);
    });
}

async function readInput(file: string, what: string): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new InputError([`cannot read ${what} ${file}: ${why}`], 'check the path; the data files are not shipped, download them as docs/data.md says');
  }
}

const text = (b: Buffer) => b.toString('utf8');

/** Turns a DataFormatError from a file into `file:line:col: message` lines (exit 2). */
async function withFile<T>(file: string, kind: string, fn: () => T | Promise<T>): Promise<T> {
  const { DataFormatError } = await import('../../data/importResult.js');
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DataFormatError) {
      throw new InputError(e.issues.map((i) => `${file}:${i.line}:${i.col}: ${i.message}`), `check that ${file} is in a layout the '${kind}' reader accepts (docs/data.md lists them)`);
    }
    throw e;
  }
}

async function runImport(kind: DataKind, o: ImportOptions): Promise<ImportResult<FlatRow>> {
  if (o.sheet && kind !== 'sipri') throw new InputError(['--sheet applies only to sipri']);
  if (o.usdPerGbp && kind !== 'cow-nmc') throw new InputError(['--usd-per-gbp applies only to cow-nmc']);
  if (o.goldstein && kind !== 'events') throw new InputError(['--goldstein applies only to events']);
  if (kind === 'events' && !o.goldstein) throw new InputError(['events needs --goldstein FILE'], 'GDELT publishes CAMEO.goldsteinscale.txt; the icews R package has goldstein_mappings');
  const input = await readInput(o.in, 'input file');
  switch (kind) {
    case 'sipri': {
      const isZip = input.length > 3 && input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03 && input[3] === 0x04;
      if (isZip) {
        const { readSipriWorkbook } = await import('../../data/sipriXlsx.js');
        return withFile(o.in, kind, () => readSipriWorkbook(input, { sheets: o.sheet, countries: o.countries }));
      }
      if (o.sheet) throw new InputError([`--sheet needs an xlsx workbook; ${o.in} is not one`]);
      const { parseSipriCsv } = await import('../../data/sipri.js');
      return withFile(o.in, kind, () => parseSipriCsv(text(input), { countries: o.countries }));
    }
    case 'cow-nmc': {
      const { parseCowNmc } = await import('../../data/cowNmc.js');
      const { parseUsdPerGbp } = await import('../../data/usdPerGbp.js');
      const rates = o.usdPerGbp ? await withFile(o.usdPerGbp, 'dollar-pound rate', async () => parseUsdPerGbp(text(await readInput(o.usdPerGbp!, 'rate file')))) : undefined;
      const result = await withFile(o.in, kind, () =>
        parseCowNmc(text(input), { usdPerGbp: rates?.rates, countries: o.countries, rateSource: rates ? `${o.usdPerGbp}: ${rates.preamble.join(' ')}`.trim() : undefined }),
      );
      if (rates) result.notes.push(...rates.skipped.map((s) => `rate file ${o.usdPerGbp}:${s.line}: skipped, ${s.reason}`));
      return result;
    }
    case 'cow-mid': {
      const { parseCowMid } = await import('../../data/cowMid.js');
      return withFile(o.in, kind, () => parseCowMid(text(input), { countries: o.countries }));
    }
    case 'atop': {
      const { parseAtop } = await import('../../data/atop.js');
      return withFile(o.in, kind, () => parseAtop(text(input), { countries: o.countries }));
    }
    case 'cns': {
      const { parseCns, parseCnsLaunches } = await import('../../data/cns.js');
      return withFile(o.in, kind, () => (o.launches ? parseCnsLaunches(text(input)) : parseCns(text(input))));
    }
    case 'events': {
      const { parseEvents } = await import('../../data/events.js');
      const { parseGoldsteinTable } = await import('../../data/goldstein.js');
      const table = await withFile(o.goldstein!, 'Goldstein table', async () => parseGoldsteinTable(text(await readInput(o.goldstein!, 'Goldstein table'))));
      const result = await withFile(o.in, kind, () => parseEvents(text(input), { goldstein: table.scores, countries: o.countries, includeDomestic: o.includeDomestic }));
      result.notes.push(`Goldstein table ${o.goldstein} (${table.layout} layout, ${table.scores.size} codes)`, ...table.skipped.map((s) => `Goldstein table ${o.goldstein}:${s.line}: skipped, ${s.reason}`));
      return result;
    }
  }
}

async function emit(kind: DataKind, o: ImportOptions, result: ImportResult<FlatRow>): Promise<void> {
  const { resultToCsv, skippedByReason } = await import('../../data/importResult.js');
  if (o.out) {
    const { writeFile } = await import('node:fs/promises');
    try {
      await writeFile(o.out, resultToCsv(result));
    } catch (e) {
      throw new InputError([`cannot write ${o.out}: ${(e as Error).message}`]);
    }
  }
  if (o.json) {
    const options = { kind, in: o.in, out: o.out ?? null, sheet: o.sheet ?? null, usdPerGbp: o.usdPerGbp ?? null, goldstein: o.goldstein ?? null, countries: o.countries ?? null, includeDomestic: !!o.includeDomestic, launches: !!o.launches };
    printJson({
      ...envelope('data import', { options }),
      kind,
      file: o.in,
      rows: result.rows.length,
      columns: result.columns,
      skippedCount: result.skipped.length,
      skippedByReason: skippedByReason(result.skipped),
      skipped: result.skipped.slice(0, JSON_SKIPPED_MAX),
      skippedTruncated: result.skipped.length > JSON_SKIPPED_MAX,
      notes: result.notes,
      ...(o.out ? { out: o.out } : { data: result.rows }),
    });
    return;
  }
  if (!o.out) process.stdout.write(resultToCsv(result));
  const err = (s: string) => process.stderr.write(`${s}\n`);
  err(`${kind}: ${result.rows.length} rows from ${o.in}${o.out ? ` written to ${o.out}` : ''}`);
  for (const n of result.notes) err(`  note: ${n}`);
  if (!result.skipped.length) {
    err('  skipped: none');
    return;
  }
  const counts = Object.entries(skippedByReason(result.skipped)).map(([r, n]) => `${n} ${r}`);
  err(`  skipped ${result.skipped.length} rows (${counts.join(', ')}):`);
  for (const s of result.skipped.slice(0, TEXT_SKIPPED_MAX)) err(`  ${o.in}:${s.line}: ${s.reason}`);
  if (result.skipped.length > TEXT_SKIPPED_MAX) err(`  … and ${result.skipped.length - TEXT_SKIPPED_MAX} more (--json lists up to ${JSON_SKIPPED_MAX})`);
}
