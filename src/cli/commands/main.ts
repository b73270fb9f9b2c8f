import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import type { Scenario } from '../../scenario/schema.js';
import { COMPARE_DEFAULTS } from './compareDefaults.js';

/**
 * `npm start`: the main job — the Korean Peninsula policy comparison. It validates the scenario, shows the arms
 * dynamics of the status quo (is the spiral running away, and what drives it), then compares the article's six
 * policies under deep uncertainty, prints the table, writes the HTML report and says where.
 */
export function registerMain(program: Command): void {
  program
    .command('main')
    .description('The main job: the Korean Peninsula 2024 policy comparison (arms dynamics, then policies under deep uncertainty, with an HTML report).')
    .argument('[file]', 'scenario file', 'scenarios/korea-2024.yaml')
    .option('--report <file.html>', 'where to write the report', 'flashpoints-report.html')
    .option('--store <file>', 'SQLite store; cells already computed for the same experiment are reused (default: flashpoints-<scenario id>.sqlite)')
    .action(async (file: string, opts: { report: string; store?: string }) => {
      const started = performance.now();
      // Only what the warm path needs is loaded before the answer cache is asked (docs/performance.md#the-main-jobs-answer).
      const { loadScenarioFile } = await import('../loadScenario.js');
      const { defaultStore } = await import('./compareDefaults.js');
      const { checkOutputs, checkStorePath, writeOutputFile } = await import('../io/writeOutput.js');
      const { scenario, hash } = await loadScenarioFile(file);
      // The report and the store are checked before the first computation, not after the comparison.
      const store = opts.store ?? defaultStore(scenario.id);
      checkStorePath(store, [file]);
      checkOutputs([{ option: '--report', path: opts.report }], { inputs: [file], store });
      const answers = await import('./mainAnswer.js');
      const key = answers.answerKey({ file, hash, storeOption: opts.store, store });
      const finish = (html: string) => {
        writeOutputFile('--report', opts.report, html);
        process.stdout.write(`\nreport written to ${opts.report}\n`);
        process.stdout.write(`\nOpen ${opts.report} in a browser for the figures, the split by North Korea's type, every assumption and how to reproduce.\n`);
      };
      const reused = await answers.reusableAnswer(key);
      if (reused) {
        const a = await answers.replayAnswer(reused, (performance.now() - started) / 1000);
        process.stdout.write(a.before);
        process.stderr.write(a.warnings);
        process.stdout.write(a.after);
        finish(a.report);
        return;
      }
      const recording = answers.recordWrites(process.stdout);
      let answer: Omit<import('./mainAnswer.js').ComputedAnswer, 'text'>;
      try {
        answer = await fullAnswer(file, scenario, hash, opts.store, () => recording.text().length);
      } finally {
        recording.stop();
      }
      finish(answer.report);
      await answers.storeAnswer(key, { ...answer, text: recording.text() });
    });
}

/**
 * The main job computed: prints the arms dynamics, the comparison and the screening as it goes, and returns the
 * report with what the answer cache needs to store the run (mainAnswer.ts); `printed()` is the length of the
 * text printed so far.
 */
async function fullAnswer(file: string, scenario: Scenario, hash: string, storeOption: string | undefined, printed: () => number): Promise<Omit<import('./mainAnswer.js').ComputedAnswer, 'text'>> {
  const { summarizeScenario } = await import('../../scenario/summary.js');
  const { simulateArms } = await import('../../models/arms/simulateArms.js');
  const { analyzeArms } = await import('../../models/arms/analyzeArms.js');
  const { renderTrajectory } = await import('../render/arms.js');
  const { runCompare } = await import('./compare.js');
  const out = process.stdout;
  const c = summarizeScenario(scenario).counts;
  out.write(`== ${scenario.title} (${file}, sha256 ${hash.slice(0, 12)}…)\n`);
  out.write(
    `${c.actors} actors, ${c.relations} relations, ${c.policies} policies, ${c.timeline} timeline events; ` +
      `${c.parameters.sourced} values sourced, ${c.parameters.assumed} assumed with ranges, ${c.uncertainties.structural} structural uncertainty ` +
      `(\`flashpoints show ${file}\` lists them all)\n`,
  );
  out.write('\n== Arms dynamics of the status quo\n\n');
  out.write(renderTrajectory(scenario, simulateArms(scenario, { times: [0, 1, 2, 5, 10] })));
  const a = analyzeArms(scenario, { horizonYears: 10, couplings: 3 });
  out.write(`verdict: ${a.verdict} (at the scenario's central values)\n`);
  // The verdict where the comparison lives: the status quo of each sampled future, and per structural alternative.
  const { armsVerdictLine } = await import('../../experiment/armsOverFutures.js');
  const { cachedArmsOverFutures } = await import('./cachedDerivations.js');
  const over = await cachedArmsOverFutures(scenario, { futures: COMPARE_DEFAULTS.futures, seed: COMPARE_DEFAULTS.seed });
  out.write(`verdict over the comparison's futures: ${armsVerdictLine(over.all)}\n`);
  for (const b of over.byAlternative) out.write(`  ${b.uncertainty} = ${b.alternative}: ${armsVerdictLine(b.summary)}\n`);
  out.write(`driven most by: ${a.couplings.map((x) => `${x.responds} ← ${x.to}`).join('; ')}\n`);
  if (a.alignment) out.write(`drawing together over ten years: ${a.alignment.slice(0, 4).map((r) => `${r.pair.join('–')} ${r.start.toFixed(2)} → ${r.end.toFixed(2)}`).join('; ')}\n`);
  out.write('\n== The policies under deep uncertainty\n\n');
  let table: import('./compare.js').ExperimentsTable | undefined;
  let cells = { computed: 0, reused: 0, threads: 0 };
  // compare's warnings go to stderr at this point of the text.
  const warningsAt = printed();
  const comparison = await runCompare(file, {
    policies: 'all',
    futures: COMPARE_DEFAULTS.futures,
    runs: COMPARE_DEFAULTS.runs,
    seed: COMPARE_DEFAULTS.seed,
    horizon: COMPARE_DEFAULTS.horizon,
    threshold: COMPARE_DEFAULTS.threshold,
    store: storeOption,
    force: true,
    onExperiments: (t) => (table = t),
    onCells: (info) => (cells = info),
  });
  // The report is written after the screening, so it carries the section "Which assumptions decide it".
  const { decidingAssumptions } = await import('./decidingAssumptions.js');
  const experiments = [table!.id];
  comparison.sensitivity = await decidingAssumptions(file, comparison, table!, storeOption, experiments);
  // The arms dynamics printed above go into the report too (its section "Arms dynamics").
  const { armsSummary } = await import('../../report/armsData.js');
  comparison.arms = armsSummary(scenario, { futures: COMPARE_DEFAULTS.futures, seed: COMPARE_DEFAULTS.seed, overFutures: over });
  const { renderReport } = await import('../../report/html.js');
  const { runTimeHtml } = await import('../../report/contextSections.js');
  const { cellsLine } = await import('../render/cellsLine.js');
  const { printWarnings } = await import('../scenarioInput.js');
  const { recordWrites } = await import('./mainAnswer.js');
  const warnings = recordWrites(process.stderr, { silent: true });
  try {
    printWarnings(comparison.warnings);
  } finally {
    warnings.stop();
  }
  return {
    warningsAt,
    warnings: warnings.text(),
    cellsLine: cellsLine(comparison, cells),
    cells: cells.computed + cells.reused,
    threads: cells.threads,
    report: renderReport(comparison),
    runTimeHtml: comparison.timing ? runTimeHtml(comparison.timing.seconds) : '',
    experiments,
  };
}
