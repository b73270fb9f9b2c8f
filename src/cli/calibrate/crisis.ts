import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { intOption } from '../output.js';

interface CalibrateCrisisOptions {
  data: string;
  write?: boolean;
  out?: string;
  json?: boolean;
  table?: string | boolean;
  figures?: string;
  seed: number;
  tuneRuns: number;
  runs: number;
  treatment: 'cycle' | 'recorded' | 'spring-long';
}

/** The data files the calibration reads, relative to the data directory (../shared/data, SOURCES.md). */
export const CRISIS_DATA_FILES = {
  cns: 'nk_missile_tests/nk_missile_tests_1984_2026.csv',
  exercises: 'exercises/us_rok_combined_exercises_curated.csv',
  midDyadYears: 'cow/cow_mid5_directed_dyad_year_1816_2014.csv',
  rivalries: 'arms_races/tss_rivalries.csv',
} as const;

const TREATMENTS = ['cycle', 'recorded', 'spring-long'];

/**
 * Adds `crisis` to a `calibrate` command: `<parent> crisis <scenario> --data DIR [--write | --out FILE] [--json]
 * [--table [FILE]] [--figures DIR]`. Without --write/--out/--json and with --table or --figures it only validates
 * the scenario as written (no tuning). docs/calibration-crisis.md.
 */
export function registerCalibrateCrisis(parent: Command): void {
  parent
    .command('crisis')
    .description('Calibrate the crisis model on the record (CNS launches, US–ROK exercises, COW MID, rivalries) and validate the status quo against it.')
    .argument('<file>', 'scenario file (.yaml) with a crisis section')
    .option('--data <dir>', 'directory of the shared data (SOURCES.md layout)', '../shared/data')
    .option('--write', 'write the calibrated values (with ranges and provenance) into the scenario file')
    .option('--out <file>', 'write the calibrated scenario to another file')
    .option('--json', 'print one JSON document: evidence, calibrated values, validation rows')
    .option('--table [file]', 'print (or write to file) the calibration document docs/calibration-crisis.md')
    .option('--figures <dir>', 'write crisis-launches.svg and crisis-clash-years.svg into a directory')
    .option('--seed <s>', 'seed of every simulation', intOption('--seed', 0), 1)
    .option('--tune-runs <n>', 'replications per step of the tuning searches', intOption('--tune-runs', 50, 1_000_000), 400)
    .option('--runs <n>', 'replications of the validation simulations', intOption('--runs', 100, 1_000_000), 2000)
    .option('--treatment <t>', `exercise months in years the record does not cover: ${TREATMENTS.join(' | ')}`, (raw: string) => {
      if (!TREATMENTS.includes(raw)) throw new InputError([`--treatment must be one of ${TREATMENTS.join(', ')}, got '${raw}'`]);
      return raw;
    }, 'cycle')
    .addHelpText('after', '\nRegenerate the committed calibration:\n  flashpoints calibrate crisis scenarios/korea-2024.yaml --data ../shared/data --write --table docs/calibration-crisis.md --figures docs/figures\nExit 2 when the data directory or a file in it is missing.')
    .action(async (file: string, opts: CalibrateCrisisOptions) => runCalibrateCrisis(file, opts));
}

async function runCalibrateCrisis(file: string, opts: CalibrateCrisisOptions): Promise<void> {
  const { existsSync, mkdirSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readInputText } = await import('../io/readInput.js');
  const { checkOutputFolder, checkOutputs, writeOutputFile } = await import('../io/writeOutput.js');
  if (opts.write && opts.out !== undefined) throw new InputError(['--write and --out exclude each other'], '--write rewrites the scenario in place; --out writes a copy');
  // Every output is checked before the calibration: none may be the scenario or a data file it reads.
  const dataFiles = Object.values(CRISIS_DATA_FILES).map((rel) => join(opts.data, rel));
  checkOutputs(
    [...(opts.out !== undefined ? [{ option: '--out', path: opts.out }] : []), ...(typeof opts.table === 'string' ? [{ option: '--table', path: opts.table }] : [])],
    { inputs: [file, ...dataFiles] },
  );
  if (opts.write) checkOutputs([{ option: '--write', path: file }], { inputs: dataFiles });
  if (opts.figures !== undefined) checkOutputFolder('--figures', opts.figures);
  if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) {
    throw new InputError([`--data: no data directory at '${opts.data}'`], 'give the directory of the shared data (the one with SOURCES.md), e.g. --data ../shared/data');
  }
  const texts: Record<string, string> = {};
  for (const [key, rel] of Object.entries(CRISIS_DATA_FILES)) {
    const path = join(opts.data, rel);
    if (!existsSync(path)) throw new InputError([`--data: missing ${rel} in '${opts.data}'`], 'the calibration reads the files listed in SOURCES.md sections 2, 3 and 5');
    texts[key] = readInputText(path, { what: `the data file ${rel}`, kind: 'data' });
  }
  const inputs = texts as unknown as import('../../calibrate/calibrateCrisis.js').CrisisCalibrationInputs;
  const { readScenarioFile } = await import('../scenarioFile.js');
  const { scenario, hash, text: scenarioText } = readScenarioFile(file);
  // A case without a launch record (India–Pakistan, Taiwan, Greece–Turkey): only the clash and war steps.
  if (!scenario.crisis?.launches) return (await import('./caseCrisis.js')).runCaseCrisis(file, opts, texts, scenario, hash, scenarioText);
  const cal = await import('../../calibrate/calibrateCrisis.js');
  const calibrating = Boolean(opts.write || opts.out || opts.json || (!opts.table && !opts.figures));
  const treatment = opts.treatment;
  let target = scenario;
  let values: import('../../calibrate/calibrateCrisis.js').CrisisValues | undefined;
  let alternatives: import('../../calibrate/crisis/alternatives.js').AlternativeCalibration[] | undefined;
  let search: unknown;
  if (calibrating) {
    const { stepProgress } = await import('./progress.js');
    const progress = stepProgress('calibrate crisis');
    const r = cal.calibrateCrisis(scenario, inputs, { seed: opts.seed, tuneRuns: opts.tuneRuns, treatment, onStep: progress.step });
    progress.done();
    values = r.values;
    alternatives = r.alternatives;
    search = { ...r.search, alternatives: Object.fromEntries(r.alternatives.map((a) => [`${a.uncertainty}/${a.alternative}`, a.search])) };
    const { writeCrisisCalibration } = await import('../../calibrate/crisis/writeScenario.js');
    const { sha256Hex } = await import('../../scenario/sha256.js');
    const text = writeCrisisCalibration(scenarioText, r.values, {
      command: `flashpoints calibrate crisis ${file} --data ${opts.data}${opts.seed !== 1 ? ` --seed ${opts.seed}` : ''}${opts.tuneRuns !== 400 ? ` --tune-runs ${opts.tuneRuns}` : ''}${treatment !== 'cycle' ? ` --treatment ${treatment}` : ''}`,
      inputs: Object.values(CRISIS_DATA_FILES).map((rel, i) => ({ file: rel, sha256: sha256Hex(Object.values(texts)[i]) })),
    }, r.alternatives);
    const { parseScenario } = await import('../../scenario/load.js');
    const parsed = parseScenario(text, opts.out ?? file);
    if (!parsed.ok) throw new Error(`the calibrated scenario does not validate: ${parsed.issues.map((i) => i.message).join('; ')}`);
    target = parsed.scenario;
    if (opts.write) writeOutputFile('--write', file, text);
    if (opts.out !== undefined) writeOutputFile('--out', opts.out, text);
  }
  const { stepProgress } = await import('./progress.js');
  const validating = stepProgress('calibrate crisis');
  validating.step(0, 1, 'validating the status quo against the record');
  const table = cal.crisisCalibrationTable(target, inputs, { seed: opts.seed, launchRuns: opts.runs, clashRuns: opts.runs, treatment });
  validating.done();
  if (opts.figures !== undefined) {
    try {
      mkdirSync(opts.figures, { recursive: true });
    } catch (err) {
      throw new InputError([`--figures ${opts.figures}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`], 'give a folder inside one that exists and is writable');
    }
    const { crisisFigures } = await import('../../calibrate/crisis/figures.js');
    for (const [name, svg] of Object.entries(crisisFigures(table.evidence, table.validation, opts.seed))) writeOutputFile('--figures', join(opts.figures, name), svg);
  }
  if (typeof opts.table === 'string') writeOutputFile('--table', opts.table, table.markdown);
  if (opts.json) {
    const { envelope, printJson } = await import('../output.js');
    const { monthly: _m, design: _d, longDesign: _l, ...evidence } = table.evidence;
    printJson({
      ...envelope('calibrate crisis', { scenario: { id: scenario.id, hash }, seed: opts.seed, options: { data: opts.data, tuneRuns: opts.tuneRuns, runs: opts.runs, treatment, write: Boolean(opts.write), out: opts.out ?? null } }),
      evidence: JSON.parse(JSON.stringify(evidence, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))),
      values: values ?? null,
      alternatives: alternatives ?? null,
      search: search ?? null,
      validation: table.validation.rows,
      validationByAlternative: table.alternatives.map((a) => ({ uncertainty: a.alternative?.uncertainty ?? null, alternative: a.alternative?.id ?? null, default: a.alternative?.isDefault ?? true, rows: a.validation.rows })),
    });
    return;
  }
  if (opts.table === true) {
    process.stdout.write(table.markdown);
    return;
  }
  const { fmt } = await import('../../calibrate/crisis/validation.js');
  if (values) {
    process.stdout.write(`calibrated values${opts.write ? ` (written to ${file})` : opts.out ? ` (written to ${opts.out})` : ' (not written: add --write or --out)'}:\n`);
    for (const [k, v] of Object.entries(values)) process.stdout.write(`  ${k.padEnd(15)} ${fmt(v.estimate)}  [${fmt(v.lo)}, ${fmt(v.hi)}]\n`);
    for (const a of alternatives ?? []) for (const c of a.changes) process.stdout.write(`  ${a.uncertainty}/${a.alternative}: ${c.path} ${c.add !== undefined ? `add ${fmt(c.add)}` : `scale ${fmt(c.scale!)}`}\n`);
  }
  for (const a of table.alternatives) {
    process.stdout.write(`validation (status quo vs record${a.alternative ? `, ${a.alternative.uncertainty} = ${a.alternative.id}${a.alternative.isDefault ? ', default' : ''}` : ''}):\n`);
    for (const r of a.validation.rows) process.stdout.write(`  ${r.pass ? 'pass' : 'FAIL'}  ${r.label}: observed ${fmt(r.observed)}, simulated ${fmt(r.simulated.mean)} [${fmt(r.simulated.lo)}, ${fmt(r.simulated.hi)}]\n`);
  }
}
