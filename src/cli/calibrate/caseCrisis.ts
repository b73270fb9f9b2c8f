import type { Scenario } from '../../scenario/schema.js';

/** The options of `calibrate crisis` a case without a launch record uses. */
export interface CaseCrisisCliOptions {
  data: string;
  write?: boolean;
  out?: string;
  json?: boolean;
  table?: string | boolean;
  seed: number;
  tuneRuns: number;
  runs: number;
}

/**
 * `calibrate crisis` on a case without `crisis.launches` (India–Pakistan, the Taiwan Strait, Greece–Turkey): tunes
 * the principal actor's baseline and warGivenClash to the case's COW MID record (src/calibrate/caseCrisis.ts),
 * writes them with --write/--out, prints the table (or writes it with --table FILE), or one JSON document.
 */
export async function runCaseCrisis(file: string, opts: CaseCrisisCliOptions, texts: Record<string, string>, scenario: Scenario, hash: string, scenarioText: string): Promise<void> {
  const { calibrateCaseCrisis, renderCaseCrisis, writeCaseCrisis } = await import('../../calibrate/caseCrisis.js');
  const { writeOutputFile } = await import('../io/writeOutput.js');
  const { stepProgress } = await import('./progress.js');
  const progress = stepProgress('calibrate crisis');
  progress.step(0, 1, 'tuning the baseline and warGivenClash on the case record');
  const c = calibrateCaseCrisis(scenario, { midDyadYears: texts.midDyadYears, rivalries: texts.rivalries }, { seed: opts.seed, tuneRuns: opts.tuneRuns, runs: opts.runs });
  progress.done();
  const command = `flashpoints calibrate crisis ${file} --data ${opts.data}${opts.seed !== 1 ? ` --seed ${opts.seed}` : ''}${opts.tuneRuns !== 400 ? ` --tune-runs ${opts.tuneRuns}` : ''}`;
  if (opts.write || opts.out !== undefined) {
    const text = writeCaseCrisis(scenarioText, c, command);
    const { parseScenario } = await import('../../scenario/load.js');
    const parsed = parseScenario(text, opts.out ?? file);
    if (!parsed.ok) throw new Error(`the calibrated scenario does not validate: ${parsed.issues.map((i) => i.message).join('; ')}`);
    writeOutputFile(opts.write ? '--write' : '--out', opts.write ? file : opts.out!, text);
  }
  const md = renderCaseCrisis(scenario, c);
  if (typeof opts.table === 'string') writeOutputFile('--table', opts.table, md);
  if (opts.json) {
    const { envelope, printJson } = await import('../output.js');
    printJson({ ...envelope('calibrate crisis', { scenario: { id: scenario.id, hash }, seed: opts.seed, options: { data: opts.data, tuneRuns: opts.tuneRuns, runs: opts.runs, write: Boolean(opts.write), out: opts.out ?? null } }), evidence: c.evidence, values: { baseline: c.baseline, warGivenClash: c.warGivenClash }, check: c.check });
  } else if (typeof opts.table !== 'string') process.stdout.write(md);
}
