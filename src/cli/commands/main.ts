import type { Command } from 'commander';

/**
 * `npm start`: the main job on the Korea 2024 scenario. It validates the scenario and prints what it holds, then
 * the arms trajectories over ten years with the stability verdict and who draws together, then the status-quo
 * risk figures of the crisis model.
 */
export function registerMain(program: Command): void {
  program
    .command('main')
    .description('The main job: validate the Korean Peninsula 2024 scenario, summarise it, and show its arms dynamics.')
    .argument('[file]', 'scenario file', 'scenarios/korea-2024.yaml')
    .action(async (file: string) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { summarizeScenario } = await import('../../scenario/summary.js');
      const { renderSummary } = await import('../render/summary.js');
      const { simulateArms } = await import('../../models/arms/simulateArms.js');
      const { analyzeArms } = await import('../../models/arms/analyzeArms.js');
      const { renderTrajectory, renderAnalysis } = await import('../render/arms.js');
      const { scenario, hash } = readScenarioFile(file);
      const out = process.stdout;
      out.write(`== ${file}: valid\n\n`);
      out.write(renderSummary(summarizeScenario(scenario), hash));
      out.write('\n== Arms dynamics over ten years (status quo)\n\n');
      out.write(renderTrajectory(scenario, simulateArms(scenario, { times: [0, 1, 2, 3, 5, 7, 10] })));
      out.write('\n');
      out.write(renderAnalysis(analyzeArms(scenario, { horizonYears: 10, couplings: 5 })));
      const { simulateRisk } = await import('../../engine/simulateRisk.js');
      const { formatRisk } = await import('./run.js');
      const { availableParallelism } = await import('node:os');
      const runs = 2000, seed = 1, horizon = 120;
      const { summary } = await simulateRisk(scenario, { runs, seed, horizonMonths: horizon, threads: Math.min(2, availableParallelism()) });
      out.write(`\n== Status-quo risk over the next ten years (crisis model, docs/model-crisis.md)\n\n`);
      out.write(formatRisk(summary, { scenario: scenario.id, runs, seed, horizon }));
      out.write(`\nReproduce: flashpoints simulate ${file} --years 10 --json; flashpoints run ${file} --runs ${runs} --seed ${seed} --json  (scenario sha256 ${hash})\n`);
    });
}
