import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a scenario file: syntax, schema and cross-references; every problem as file:line:col path: message. Warnings (inert levers, uncalibrated crisis defaults, runaway growth) go to stderr.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--json', 'print { valid, issues: [{ file, line, col, path, message, hint }], warnings } whether valid or not (exit 2 when not)')
    .action(async (file: string, opts: { json?: boolean }) => {
      if (opts.json) {
        const { readFileSync } = await import('node:fs');
        const { printJson } = await import('../output.js');
        const { validateDocument } = await import('../../engine/commandDocuments.js');
        const { cachedScenario, storeScenario } = await import('../scenarioCache.js');
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // The problem is the file itself: no line or column to point at.
          const issue = { file, line: null, col: null, path: '', message: `cannot read the scenario (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`, hint: 'give the path of a .yaml or .json scenario' };
          printJson(validateDocument({ ok: false, issues: [issue] }, { file }));
          process.exitCode = 2;
          return;
        }
        const hit = cachedScenario(text);
        if (hit?.warnings) {
          printJson(validateDocument({ ok: true, ref: { id: hit.scenario.id, hash: hit.hash }, warnings: hit.warnings }, { file }));
          return;
        }
        const [{ parseScenario }, { nodeSha256Hex }] = await Promise.all([import('../../scenario/load.js'), import('../nodeSha256.js')]);
        const result = parseScenario(text, file, { sha256: nodeSha256Hex });
        if (!result.ok) {
          printJson(validateDocument({ ok: false, issues: result.issues.map((i) => ({ ...i, hint: i.hint ?? null })) }, { file }));
          process.exitCode = 2;
          return;
        }
        const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
        const warnings = scenarioWarnings(result.scenario);
        storeScenario(text, { scenario: result.scenario, hash: result.hash, warnings });
        printJson(validateDocument({ ok: true, ref: { id: result.scenario.id, hash: result.hash }, warnings }, { file }));
        return;
      }
      const { loadScenarioFile } = await import('../loadScenario.js');
      const { scenario, hash, warnings = [] } = await loadScenarioFile(file, { warnings: true });
      process.stdout.write(`${file}: valid scenario '${scenario.id}' (sha256 ${hash.slice(0, 12)}…)\n`);
      if (warnings.length) (await import('../scenarioInput.js')).printWarnings(warnings);
    });
}
