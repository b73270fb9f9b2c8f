import type { Command } from 'commander';
import { InputError } from '../errors.js';

/** The data files `calibrate history` reads, relative to the data directory (../shared/data, SOURCES.md). */
export const HISTORY_DATA_FILES = {
  sipri: 'sipri_milex/sipri_milex_focus_1949_2024.csv',
  owid: 'milex_longrun/owid_cow_sipri_milex_const2020usd_focus.csv',
  fas: 'nuclear/fas2023_nuclear_warhead_stockpiles_1945_2023.csv',
  preWwi: 'arms_races/pre_wwi_bloc_milex_cow_nmc_v7_1900_1913_gbp.csv',
} as const;

interface HistoryOptions {
  data: string;
  scenarios: string;
  table?: string | boolean;
  json?: boolean;
}

/**
 * Adds `history` to a `calibrate` command: `<parent> history --data DIR [--scenarios DIR] [--table [FILE]]
 * [--json]` — the arms model's backtests on the US–Soviet race 1950–1991 and India–Pakistan 1990–2024, and
 * Richardson's pre-1914 fit (docs/arms-history.md).
 */
export function registerCalibrateHistory(parent: Command): void {
  parent
    .command('history')
    .description('Backtest the arms model on historical races (US–USSR 1950–1991, India–Pakistan 1990–2024) and fit Richardson\'s pre-1914 blocs')
    .option('--data <dir>', 'directory of the shared data (SOURCES.md layout)', '../shared/data')
    .option('--scenarios <dir>', 'directory holding us-ussr-1950.yaml and india-pakistan-2024.yaml', 'scenarios')
    .option('--table [file]', 'print (or write to file) docs/arms-history.md')
    .option('--json', 'print one JSON document: each race\'s backtests and the Richardson fits')
    .addHelpText('after', '\nRegenerate the committed page:\n  flashpoints calibrate history --data ../shared/data --table docs/arms-history.md\nExit 2 when the data directory or a file in it is missing.')
    .action(async (opts: HistoryOptions) => runCalibrateHistory(opts));
}

async function runCalibrateHistory(opts: HistoryOptions): Promise<void> {
  const { existsSync, readFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) throw new InputError([`--data: no data directory at '${opts.data}'`], 'give the directory of the shared data (the one with SOURCES.md), e.g. --data ../shared/data');
  const inputs = Object.fromEntries(Object.entries(HISTORY_DATA_FILES).map(([k, rel]) => {
    const p = join(opts.data, rel);
    if (!existsSync(p)) throw new InputError([`${p}: not found`], `calibrate history reads ${Object.values(HISTORY_DATA_FILES).join(', ')} under --data`);
    return [k, readFileSync(p, 'utf8')];
  })) as Record<keyof typeof HISTORY_DATA_FILES, string>;
  const { readScenarioFile } = await import('../scenarioFile.js');
  const usUssr = readScenarioFile(join(opts.scenarios, 'us-ussr-1950.yaml'));
  const indPak = readScenarioFile(join(opts.scenarios, 'india-pakistan-2024.yaml'));
  const { raceBacktest, richardsonPreWwi } = await import('../../calibrate/armsHistory.js');
  const { renderArmsHistory } = await import('../../calibrate/armsHistoryReport.js');
  const races = [
    raceBacktest({ id: 'us-ussr', title: 'The US–Soviet race, 1950–1991', scenario: usUssr.scenario, span: [1950, 1991], origins: [1961, 1971, 1981], horizon: 10, actors: ['USA', 'SUN'] }, inputs),
    raceBacktest({ id: 'india-pakistan', title: 'India–Pakistan, 1990–2024', scenario: indPak.scenario, span: [1990, 2024], origins: [2004, 2014], horizon: 10, actors: ['IND', 'PAK'] }, inputs),
  ];
  const richardson = richardsonPreWwi(inputs.preWwi);
  const md = renderArmsHistory(races, richardson);
  const { writeOutputFile } = await import('../io/writeOutput.js');
  if (typeof opts.table === 'string') writeOutputFile('--table', opts.table, md);
  if (opts.json) {
    const { envelope, printJson } = await import('../output.js');
    printJson({ ...envelope('calibrate history', { scenario: { id: usUssr.scenario.id, hash: usUssr.hash }, options: { data: opts.data, scenarios: opts.scenarios, also: { id: indPak.scenario.id, hash: indPak.hash } } }), races, richardson });
  } else if (typeof opts.table !== 'string') process.stdout.write(md);
}
