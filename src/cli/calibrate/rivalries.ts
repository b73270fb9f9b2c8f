import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { intOption } from '../output.js';

/** The files `calibrate rivalries` reads, relative to the data directory (../shared/data, SOURCES.md §3). */
export const RIVALRY_DATA_FILES = {
  mid: 'cow/cow_mid5_directed_dyad_year_1816_2014.csv',
  tss: 'arms_races/tss_rivalries.csv',
  'thompson-dreyer': 'arms_races/thompson_dreyer_rivalries.csv',
} as const;

const LISTS = ['tss', 'thompson-dreyer'] as const;

interface CalibrateRivalriesOptions {
  data: string;
  list: (typeof LISTS)[number];
  mid?: string;
  rivalries?: string;
  json?: boolean;
  table?: string | boolean;
  figure?: string;
  bothLists?: boolean;
  seed: number;
  resamples: number;
  split: number;
}

/**
 * Adds `rivalries` to a `calibrate` command: `<parent> rivalries --data DIR [--json] [--table [FILE]] [--figure
 * FILE]` — the crisis model's clash-and-war layer fitted across strategic rivalries and scored out of sample
 * (leave one rivalry out; fit 1946–1989, forecast 1990–2014) against two naive forecasters (docs/validation.md).
 */
export function registerCalibrateRivalries(parent: Command): void {
  parent
    .command('rivalries')
    .description("Validate the crisis model's clash-and-war layer across strategic rivalries out of sample (COW MID, rivalry lists): leave-one-out and a temporal split, scored against the pooled base rate and each rivalry's own past rate.")
    .option('--data <dir>', 'directory of the shared data (SOURCES.md layout)', '../shared/data')
    .option('--list <list>', `rivalry list: ${LISTS.join(' | ')}`, (raw: string) => {
      if (!(LISTS as readonly string[]).includes(raw)) throw new InputError([`--list must be one of ${LISTS.join(', ')}, got '${raw}'`]);
      return raw;
    }, 'tss')
    .option('--mid <file>', `COW MID directed dyad-year file (default: DIR/${RIVALRY_DATA_FILES.mid})`)
    .option('--rivalries <file>', 'rivalry list file (default: the --list file under DIR)')
    .option('--json', 'print one JSON document: envelope, fits, scores, comparisons, reliability, per-rivalry scores')
    .option('--table [file]', 'print (or write to file) the validation document docs/validation.md')
    .option('--figure <file>', 'write the reliability diagram as SVG')
    .option('--both-lists', 'also run the validation on the other rivalry list under --data and add it to the document (a robustness section)')
    .option('--seed <s>', 'seed of the cluster bootstrap', intOption('--seed', 0), 1)
    .option('--resamples <n>', 'bootstrap resamples over rivalries', intOption('--resamples', 100, 100_000), 2000)
    .option('--split <year>', 'first forecast year of the temporal split', intOption('--split', 1950, 2010), 1990)
    .addHelpText('after', '\nRegenerate the committed validation:\n  flashpoints calibrate rivalries --data ../shared/data --both-lists --table docs/validation.md --figure docs/figures/validation-reliability.svg\nExit 2 when a data file is missing or malformed (file:line:col column: message).')
    .action(async (opts: CalibrateRivalriesOptions) => runCalibrateRivalries(opts));
}

async function runCalibrateRivalries(opts: CalibrateRivalriesOptions): Promise<void> {
  const { join } = await import('node:path');
  const { readInputText } = await import('../io/readInput.js');
  const { checkOutputs, writeOutputFile } = await import('../io/writeOutput.js');
  const { DataFormatError } = await import('../../data/importResult.js');
  const midFile = opts.mid ?? join(opts.data, RIVALRY_DATA_FILES.mid);
  const listFile = opts.rivalries ?? join(opts.data, RIVALRY_DATA_FILES[opts.list]);
  const otherList = opts.list === 'tss' ? 'thompson-dreyer' : 'tss';
  const otherFile = opts.bothLists ? join(opts.data, RIVALRY_DATA_FILES[otherList]) : undefined;
  const outputs = [...(typeof opts.table === 'string' ? [{ option: '--table', path: opts.table }] : []), ...(opts.figure !== undefined ? [{ option: '--figure', path: opts.figure }] : [])];
  checkOutputs(outputs, { inputs: [midFile, listFile, ...(otherFile ? [otherFile] : [])] });
  const hint = 'the validation reads COW MID v5 directed dyad-years and a strategic-rivalry list (SOURCES.md §3; docs/validation.md)';
  const read = (file: string, what: string) => readInputText(file, { what, kind: 'data', hint });
  // A malformed file is bad input: every issue as file:line:col column: message, exit 2.
  const parsed = <T>(file: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DataFormatError) throw new InputError(e.issues.map((i) => `${file}:${i.line}:${i.col} ${i.message}`), hint);
      throw e;
    }
  };
  const { parseCowMid } = await import('../../data/cowMid.js');
  const { parseRivalryList } = await import('../../data/rivalries.js');
  const midText = read(midFile, 'the MID dyad-year file');
  const mid = parsed(midFile, () => parseCowMid(midText));
  if (mid.layout !== 'dyad-year') throw new InputError([`${midFile}:1:1 header: a dispute-level MID file; the validation needs directed dyad-years (ccode1, ccode2, year)`], hint);
  for (const c of ['onset', 'hostlev'] as const) {
    if (!mid.columns.includes(c) || mid.rows.every((r) => r[c] === null)) throw new InputError([`${midFile}:1:1 ${c}: the column is missing; clash-years need the dispute's onset flag and hostility level`], hint);
  }
  // Counts must be exact: a row the importer could not read is an error here, not a skipped row.
  if (mid.skipped.length) throw new InputError(mid.skipped.slice(0, 20).map((s) => `${midFile}:${s.line}:1 row: ${s.reason}`), hint);
  const { rivalryPanels, warDisputes } = await import('../../calibrate/rivalries/panel.js');
  const panelsOf = (file: string) => {
    const text = read(file, 'the rivalry list');
    const list = parsed(file, () => parseRivalryList(text));
    const panels = rivalryPanels(mid.rows, list.spells);
    if (panels.length < 3) throw new InputError([`${file}:1:1 rivalries: ${panels.length} rivalries with years in 1946–2014; the leave-one-out validation needs at least 3`], hint);
    return { text, panels };
  };
  const main = panelsOf(listFile);
  const other = otherFile ? panelsOf(otherFile) : undefined;
  const { validateRivalries } = await import('../../calibrate/rivalries/validateRivalries.js');
  const { stepProgress } = await import('./progress.js');
  const validate = (panels: typeof main.panels, label: string) => {
    const progress = stepProgress(`calibrate rivalries (${label})`);
    const result = validateRivalries(panels, { seed: opts.seed, resamples: opts.resamples, split: opts.split, onStep: progress.step });
    progress.done();
    return result;
  };
  const v = validate(main.panels, opts.list);
  const vOther = other ? validate(other.panels, otherList) : undefined;
  const { renderValidation } = await import('../../calibrate/rivalries/report.js');
  const markdown = renderValidation(v, { list: opts.list, seed: opts.seed, resamples: opts.resamples, warDisputes: warDisputes(mid.rows, main.panels).size, other: vOther && { list: otherList, validation: vOther } });
  if (opts.figure !== undefined) {
    const { reliabilityFigure } = await import('../../calibrate/rivalries/figure.js');
    writeOutputFile('--figure', opts.figure, reliabilityFigure(v));
  }
  if (typeof opts.table === 'string') writeOutputFile('--table', opts.table, markdown);
  if (opts.json) {
    const { envelope, printJson } = await import('../output.js');
    const { sha256Hex } = await import('../../scenario/sha256.js');
    printJson({
      ...envelope('calibrate rivalries', {
        seed: opts.seed,
        options: { data: opts.data, list: opts.list, mid: midFile, rivalries: listFile, bothLists: Boolean(opts.bothLists), resamples: opts.resamples, split: opts.split },
      }),
      inputs: [{ file: midFile, sha256: sha256Hex(midText) }, { file: listFile, sha256: sha256Hex(main.text) }, ...(otherFile && other ? [{ file: otherFile, sha256: sha256Hex(other.text) }] : [])],
      ...v,
      ...(vOther ? { otherList: { list: otherList, ...vOther } } : {}),
    });
    return;
  }
  if (opts.table === true) {
    process.stdout.write(markdown);
    return;
  }
  const { verdict } = await import('../../calibrate/rivalries/scores.js');
  process.stdout.write(`${v.totals.rivalries} rivalries, ${v.totals.years} rivalry-years, ${v.totals.clashYears} clash-years, ${v.totals.warOnsets} war onsets (${v.window.from}–${v.window.to})\n`);
  for (const e of v.evaluations) {
    process.stdout.write(`${e.title}:\n`);
    for (const c of e.comparisons.filter((x) => x.model === 'model')) {
      const r = c.result;
      process.stdout.write(`  ${c.score.padEnd(11)} vs ${c.naive.padEnd(8)} ${r.difference.toFixed(4)} [${r.lo.toFixed(4)}, ${r.hi.toFixed(4)}]  ${verdict(r)}\n`);
    }
  }
}
