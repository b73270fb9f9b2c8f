/**
 * `flashpoints calibrate <model>`: estimate a scenario's parameters from data (docs/calibration.md). A command
 * group: `arms` (the arms dynamics on SIPRI) and `crisis` (the crisis model on the CNS and COW records).
 */
import type { Command } from 'commander';
import { intOption } from '../output.js';
import type { CalibrateArmsCliOptions } from '../calibrate/runArms.js';
import { registerCalibrateCrisis } from '../calibrate/crisis.js';
import { registerCalibrateRecord } from '../calibrate/record.js';
import { registerCalibrateHistory } from '../calibrate/history.js';
import { registerCalibrateRivalries } from '../calibrate/rivalries.js';

/** Registers `calibrate` and its sub-commands `arms` and `crisis`. */
export function registerCalibrate(program: Command): void {
  const calibrate = program.command('calibrate').description('Estimate scenario parameters from data, with standard errors and a backtest (docs/calibration.md)');
  calibrate
    .command('arms')
    .description('Calibrate growth, elasticities and fatigue of each conventional stock from SIPRI 1988–2024, and backtest the model')
    .argument('<scenario>', 'scenario file (.yaml or .json)')
    .requiredOption('--data <dir>', 'data directory holding sipri_milex/, milex_longrun/ and nuclear/ (see ../shared/data/SOURCES.md)')
    .option('--out <file>', 'write the calibrated scenario to this file')
    .option('--write', 'write the calibrated values into the scenario file itself')
    .option('--json', 'print one JSON document: envelope, per-stock estimates (SE, n, R², what stays an assumption), backtest')
    .option('--figure <file>', 'write the backtest figure as SVG')
    .option('--split <year>', 'last year of the backtest fitting span; the forecast covers the next 10 years', intOption('--split', 1990, 2014), 2014)
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  flashpoints calibrate arms scenarios/korea-2024.yaml --data ../shared/data\n  flashpoints calibrate arms scenarios/korea-2024.yaml --data ../shared/data --write --figure docs/figures/arms-backtest.svg\n')
    .action(async (scenario: string, o: CalibrateArmsCliOptions) => {
      const { runCalibrateArms } = await import('../calibrate/runArms.js');
      await runCalibrateArms(scenario, o);
    });
  registerCalibrateCrisis(calibrate);
  registerCalibrateRecord(calibrate);
  registerCalibrateHistory(calibrate);
  registerCalibrateRivalries(calibrate);
}
