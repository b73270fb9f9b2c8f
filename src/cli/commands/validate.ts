import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a scenario file: syntax, schema and cross-references; every problem as file:line:col path: message. Warnings (inert levers, uncalibrated crisis defaults, runaway growth) go to stderr.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--json', 'print { valid, issues: [{ file, line, col, path, message, hint }], warnings } whether valid or not (exit 2 when not)')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
      if (opts.json) {
        const { readFileSync } = await import('node:fs');
        const { parseScenario } = await import('../../scenario/load.js');
        const { printJson } = await import('../output.js');
        const { validateDocument } = await import('../../engine/commandDocuments.js');
        let result: ReturnType<typeof parseScenario>;
        try {
          result = parseScenario(readFileSync(file, 'utf8'), file);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // The problem is the file itself: no line or column to point at.
          const issue = { file, line: null, col: null, path: '', message: `cannot read the scenario (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`, hint: 'give the path of a .yaml or .json scenario' };
          printJson(validateDocument({ ok: false, issues: [issue] }, { file }));
          process.exitCode = 2;
          return;
        }
        if (!result.ok) {
          printJson(validateDocument({ ok: false, issues: result.issues.map((i) => ({ ...i, hint: i.hint ?? null })) }, { file }));
          process.exitCode = 2;
          return;
        }
        printJson(validateDocument({ ok: true, ref: { id: result.scenario.id, hash: result.hash }, warnings: scenarioWarnings(result.scenario) }, { file }));
        return;
      }
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { printWarnings } = await import('../scenarioInput.js');
      const { scenario, hash } = readScenarioFile(file);
      process.stdout.write(`${file}: valid scenario '${scenario.id}' (sha256 ${hash.slice(0, 12)}…)\n`);
      printWarnings(scenarioWarnings(scenario));
    });
}
