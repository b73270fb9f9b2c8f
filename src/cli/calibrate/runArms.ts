import { join } from 'node:path';
import { InputError } from '../errors.js';
import { checkOutputs, writeOutputFile, type OutputTarget } from '../io/writeOutput.js';
import { envelope, printJson } from '../output.js';
import { readScenarioFile } from '../scenarioFile.js';
import { fmt, printTable } from '../fit/print.js';
import { ARMS_DATA_FILES, readArmsDataFiles } from './armsData.js';
import { parseScenario } from '../../scenario/load.js';
import { runArmsCalibration } from '../../calibrate/runArmsCalibration.js';
import { METHODS } from '../../calibrate/backtestArms.js';
import { writeCalibration } from './writeScenario.js';

export interface CalibrateArmsCliOptions {
  data: string;
  out?: string;
  write?: boolean;
  json?: boolean;
  figure?: string;
  split: number;
}

/** The action of `flashpoints calibrate arms`: calibrate, backtest, print, and write what was asked. */
export async function runCalibrateArms(file: string, o: CalibrateArmsCliOptions): Promise<void> {
  if (o.write && o.out !== undefined) throw new InputError(['--write and --out exclude each other'], '--write rewrites the scenario in place; --out writes a copy');
  // Every output is checked before the calibration runs; --out and --figure may not be the scenario or a data file.
  const outputs: OutputTarget[] = [...(o.out !== undefined ? [{ option: '--out', path: o.out }] : []), ...(o.figure !== undefined ? [{ option: '--figure', path: o.figure }] : [])];
  checkOutputs(outputs, { inputs: [file, ...Object.values(ARMS_DATA_FILES).map((rel) => join(o.data, rel))] });
  if (o.write) checkOutputs([{ option: '--write', path: file }], { inputs: Object.values(ARMS_DATA_FILES).map((rel) => join(o.data, rel)) });
  const loaded = readScenarioFile(file);
  const files = readArmsDataFiles(o.data);
  const run = runArmsCalibration(loaded.scenario, files, { backtestSplit: o.split });
  // The figure first: a failure there leaves the scenario untouched.
  if (o.figure !== undefined) {
    const { backtestFigure } = await import('./figure.js');
    writeOutputFile('--figure', o.figure, await backtestFigure(run.panel, run.backtest));
  }
  let written: string[] = [];
  const target = o.write ? file : o.out;
  if (target) {
    const result = writeCalibration(loaded.text, run.calibration, { files: files.used, span: run.span });
    const check = parseScenario(result.text, target);
    if (!check.ok) throw new Error(`the calibrated scenario does not validate: ${check.issues.map((i) => i.message).join('; ')}`);
    writeOutputFile(o.write ? '--write' : '--out', target, result.text);
    written = result.written;
  }
  const stocks = run.calibration.map((c) => ({
    label: c.label,
    n: c.n,
    span: c.span,
    r2: c.r2,
    recentGrowth: c.recentGrowth,
    parameters: c.parameters,
    warnings: c.warnings,
    source: run.panel.sources[run.panel.labels.indexOf(c.label)],
  }));
  const assumptions = run.calibration.flatMap((c) => c.parameters.filter((p) => !p.identified).map((p) => ({ path: `${c.label}.${p.name}`, value: p.value, range: p.range, reason: p.reason })));
  const bt = run.backtest;
  const backtest = {
    fit: bt.fit,
    horizon: bt.horizon,
    metrics: { rmseLog: 'root mean squared error of ln(forecast/actual)', mape: 'mean absolute percentage error, percent' },
    overall: bt.overall,
    stocks: bt.stocks.map((s) => ({ label: s.label, years: s.years, actual: s.actual, model: s.model, randomWalk: s.randomWalk, trend: s.trend, drift: s.drift, increment: s.increment, errors: s.errors })),
    excluded: bt.excluded,
    leaks: bt.leaks,
    calibration: bt.calibration.map((c) => ({ label: c.label, n: c.n, span: c.span, recentGrowth: c.recentGrowth, parameters: c.parameters.map((p) => ({ name: p.name, estimate: p.estimate, stdError: p.stdError, identified: p.identified, value: p.value })) })),
  };
  if (o.json) {
    const options = { data: o.data, split: o.split, out: o.out ?? null, write: o.write ?? false, figure: o.figure ?? null };
    return printJson({
      ...envelope('calibrate arms', { scenario: { id: loaded.scenario.id, hash: loaded.hash }, options }),
      span: run.span,
      files: files.used,
      stocks,
      assumptions,
      written,
      backtest,
      notes: run.notes,
    });
  }
  process.stdout.write(`Calibration of ${loaded.scenario.id} on ${run.span[0]}–${run.span[1]} (OLS estimate (HC1 SE) with all regressors; * = identified: the final fit's value (SE), written)\n`);
  await printTable(
    ['stock', 'n', 'R²', 'g', 'ε', 'φ', 'a'],
    run.calibration.map((c) => [c.label, String(c.n), c.r2, ...c.parameters.map((p) => (p.identified ? `${fmt(p.value)} (${fmt(p.valueStdError)}) *` : p.estimate === null ? '—' : `${fmt(p.estimate)} (${fmt(p.stdError)})`))]),
  );
  process.stdout.write(`Backtest: fit ${bt.fit[0]}–${bt.fit[1]}, forecast ${bt.fit[1] + 1}–${bt.fit[1] + bt.horizon}; RMSE of log levels (MAPE %)\n`);
  const cell = (e: { rmseLog: number; mape: number }) => `${e.rmseLog.toFixed(3)} (${e.mape.toFixed(1)})`;
  await printTable(
    ['stock', 'years', ...METHODS],
    [...bt.stocks.map((s) => [s.label, String(s.years.length), ...METHODS.map((m) => cell(s.errors[m]))]), ['overall', String(bt.overall.n), ...METHODS.map((m) => cell(bt.overall[m]))]],
  );
  if (written.length) process.stdout.write(`wrote ${written.length} calibrated values to ${target}: ${written.join(', ')}\n`);
  else if (target) process.stdout.write(`no parameter identified; ${target} gets only the calibration's source entry\n`);
  for (const w of run.calibration.flatMap((c) => c.warnings)) process.stderr.write(`warning: ${w}\n`);
  for (const l of bt.leaks) process.stderr.write(`warning: backtest: ${l} is not identified up to ${bt.fit[1]} and its scenario value was calibrated on later data\n`);
}
