import type { Command } from 'commander';
import { InputError } from '../errors.js';

/** The data files `calibrate record` reads, relative to the data directory (../shared/data, SOURCES.md). */
export const RECORD_DATA_FILES = {
  cns: 'nk_missile_tests/nk_missile_tests_1984_2026.csv',
  exercises: 'exercises/us_rok_combined_exercises_curated.csv',
  midDyadYears: 'cow/cow_mid5_directed_dyad_year_1816_2014.csv',
  sipri: 'sipri_milex/sipri_milex_focus_1949_2024.csv',
  fas: 'nuclear/fas2023_nuclear_warhead_stockpiles_1945_2023.csv',
} as const;

interface CalibrateRecordOptions {
  data: string;
  write?: boolean;
  check?: boolean;
  json?: boolean;
  table?: string | boolean;
}

/**
 * Adds `record` to a `calibrate` command: `<parent> record <scenario> --data DIR [--write | --check] [--json]
 * [--table [FILE]]` — the record targets recomputed from the data (docs/calibration.md#record), and the
 * out-of-sample score of the launch forecasts after the scenario's asOf.
 */
export function registerCalibrateRecord(parent: Command): void {
  parent
    .command('record')
    .description('Recompute the record the futures are weighted on (CNS launches, COW MID, SIPRI, FAS) and score the launch forecasts after asOf out of sample.')
    .argument('<file>', 'scenario file (.yaml)')
    .option('--data <dir>', 'directory of the shared data (SOURCES.md layout)', '../shared/data')
    .option('--write', "write the targets into the scenario's `record:` section (discrepancies already there are kept)")
    .option('--check', "exit 1 unless the scenario's stored targets equal the recomputed ones")
    .option('--json', 'print one JSON document: targets and the out-of-sample check')
    .option('--table [file]', 'print (or write to file) the out-of-sample section, docs/calibration-record.md')
    .addHelpText('after', '\nRegenerate the committed record:\n  flashpoints calibrate record scenarios/korea-2024.yaml --data ../shared/data --write --table docs/calibration-record.md\nExit 2 when the data directory or a file in it is missing.')
    .action(async (file: string, opts: CalibrateRecordOptions) => runCalibrateRecord(file, opts));
}

async function runCalibrateRecord(file: string, opts: CalibrateRecordOptions): Promise<void> {
  const { existsSync, readFileSync, writeFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) {
    throw new InputError([`--data: no data directory at '${opts.data}'`], 'give the directory of the shared data (the one with SOURCES.md), e.g. --data ../shared/data');
  }
  const inputs = Object.fromEntries(
    Object.entries(RECORD_DATA_FILES).map(([k, rel]) => {
      const p = join(opts.data, rel);
      if (!existsSync(p)) throw new InputError([`${p}: not found`], `calibrate record reads ${Object.values(RECORD_DATA_FILES).join(', ')} under --data`);
      return [k, readFileSync(p, 'utf8')];
    }),
  ) as Record<keyof typeof RECORD_DATA_FILES, string>;
  const { readScenarioFile } = await import('../scenarioFile.js');
  const { scenario, hash } = readScenarioFile(file);
  const { recordTargets } = await import('../../calibrate/record/targets.js');
  const { launchOutOfSample } = await import('../../calibrate/record/outOfSample.js');
  const { renderRecordTable } = await import('../../calibrate/record/report.js');
  // A case without a launch process (India–Pakistan, Taiwan, Greece–Turkey) has the generic record of its dyads and stocks.
  const { caseRecordTargets } = await import('../../calibrate/record/caseTargets.js');
  const generic = !scenario.crisis?.launches;
  const targets = generic ? caseRecordTargets(scenario, inputs) : recordTargets(scenario, inputs);
  const oos = generic ? null : launchOutOfSample(scenario, inputs.cns);
  const stored = scenario.record?.targets ?? [];
  const { canonicalJson } = await import('../../scenario/canonical.js');
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  // Discrepancies belong to the scenario (a rerun keeps them): compare everything else, key order aside.
  const strip = ({ discrepancy: _d, ...rest }: (typeof targets)[number]) => JSON.parse(JSON.stringify(rest)) as unknown;
  const differs = targets.filter((t) => !same(strip(t), strip(stored.find((x) => x.id === t.id) ?? ({} as typeof t))));
  if (opts.write) {
    const { writeRecord } = await import('../../calibrate/record/writeRecord.js');
    const { parseScenario } = await import('../../scenario/load.js');
    const text = writeRecord(readFileSync(file, 'utf8'), targets, stored);
    const check = parseScenario(text, file);
    if (!check.ok) throw new Error(`the scenario with its record does not validate: ${check.issues.map((i) => i.message).join('; ')}`);
    writeFileSync(file, text);
  }
  const { renderCaseRecordTable } = await import('../../calibrate/record/caseReport.js');
  const md = generic ? renderCaseRecordTable(scenario, targets) : renderRecordTable(scenario, targets, oos);
  if (opts.table !== undefined) {
    if (typeof opts.table === 'string') writeFileSync(opts.table, md);
    else if (!opts.json) process.stdout.write(md);
  }
  if (opts.json) {
    const { envelope, printJson } = await import('../output.js');
    printJson({ ...envelope('calibrate record', { scenario: { id: scenario.id, hash }, options: { data: opts.data } }), targets, outOfSample: oos, matchesScenario: differs.length === 0 });
  } else if (opts.table === undefined) {
    process.stdout.write(md);
  }
  if (opts.check && differs.length) {
    process.stderr.write(`the scenario's record differs from the data for: ${differs.map((t) => t.id).join(', ')} (rerun with --write)\n`);
    process.exitCode = 1;
  }
}
