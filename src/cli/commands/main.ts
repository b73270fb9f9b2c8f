import type { Command } from 'commander';
import { COMPARE_DEFAULTS } from './compare.js';

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
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { summarizeScenario } = await import('../../scenario/summary.js');
      const { simulateArms } = await import('../../models/arms/simulateArms.js');
      const { analyzeArms } = await import('../../models/arms/analyzeArms.js');
      const { renderTrajectory } = await import('../render/arms.js');
      const { runCompare } = await import('./compare.js');
      const { checkOutputs, checkStorePath } = await import('../io/writeOutput.js');
      const { defaultStore } = await import('./compare.js');
      const { scenario, hash } = readScenarioFile(file);
      // The report and the store are checked before the first computation, not after the comparison.
      const store = opts.store ?? defaultStore(scenario.id);
      checkStorePath(store, [file]);
      checkOutputs([{ option: '--report', path: opts.report }], { inputs: [file], store });
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
      const { armsOverFutures, armsVerdictLine } = await import('../../experiment/armsOverFutures.js');
      const over = armsOverFutures(scenario, { futures: COMPARE_DEFAULTS.futures, seed: COMPARE_DEFAULTS.seed });
      out.write(`verdict over the comparison's futures: ${armsVerdictLine(over.all)}\n`);
      for (const b of over.byAlternative) out.write(`  ${b.uncertainty} = ${b.alternative}: ${armsVerdictLine(b.summary)}\n`);
      out.write(`driven most by: ${a.couplings.map((x) => `${x.responds} ← ${x.to}`).join('; ')}\n`);
      if (a.alignment) out.write(`drawing together over ten years: ${a.alignment.slice(0, 4).map((r) => `${r.pair.join('–')} ${r.start.toFixed(2)} → ${r.end.toFixed(2)}`).join('; ')}\n`);
      out.write('\n== The policies under deep uncertainty\n\n');
      let table: import('./compare.js').ExperimentsTable | undefined;
      const comparison = await runCompare(file, {
        policies: 'all',
        futures: COMPARE_DEFAULTS.futures,
        runs: COMPARE_DEFAULTS.runs,
        seed: COMPARE_DEFAULTS.seed,
        horizon: COMPARE_DEFAULTS.horizon,
        threshold: COMPARE_DEFAULTS.threshold,
        store: opts.store,
        force: true,
        onExperiments: (t) => (table = t),
      });
      // The report is written after the screening, so it carries the section "Which assumptions decide it".
      const { decidingAssumptions } = await import('./decidingAssumptions.js');
      comparison.sensitivity = await decidingAssumptions(file, comparison, table!, opts.store);
      // The arms dynamics printed above go into the report too (its section "Arms dynamics").
      const { armsSummary } = await import('../../report/armsData.js');
      comparison.arms = armsSummary(scenario, { futures: COMPARE_DEFAULTS.futures, seed: COMPARE_DEFAULTS.seed, overFutures: over });
      const { renderReport } = await import('../../report/html.js');
      const { writeOutputFile } = await import('../io/writeOutput.js');
      writeOutputFile('--report', opts.report, renderReport(comparison));
      out.write(`\nreport written to ${opts.report}\n`);
      out.write(`\nOpen ${opts.report} in a browser for the figures, the split by North Korea's type, every assumption and how to reproduce.\n`);
    });
}
