/**
 * The whole arms calibration of a scenario from the texts of its data files: parse, build the panel, calibrate
 * on the full span, and backtest. Pure (no file access), so the CLI, the server and tests share it.
 */
import { parseFasStockpiles } from '../data/fasStockpiles.js';
import { parseOwidMilex } from '../data/owidMilex.js';
import { parseSipriCsv } from '../data/sipri.js';
import type { Scenario } from '../scenario/schema.js';
import { armsStockData } from './armsData.js';
import { buildPanel, type ArmsPanel } from './armsPanel.js';
import { backtestArms, type BacktestResult } from './backtestArms.js';
import { calibrateArms, type StockCalibration } from './calibrateArms.js';

export interface ArmsCalibrationRun {
  /** Years of the levels used for the full calibration. */
  span: [number, number];
  panel: ArmsPanel;
  calibration: StockCalibration[];
  backtest: BacktestResult;
  notes: string[];
}

export interface RunArmsCalibrationOptions {
  /** @default [1988, 2024] */
  span?: [number, number];
  /** Last year of the backtest's fitting span. @default 2014 */
  backtestSplit?: number;
  /** @default 10 */
  horizon?: number;
}

/**
 * Example: `runArmsCalibration(korea, { sipri, owid, fas }).calibration`. The reference year of x⁰, θ⁰, π⁰ is
 * the last year of the span (the scenario's base year, 2024, for Korea).
 */
export function runArmsCalibration(s: Scenario, texts: { sipri: string; owid?: string | null; fas?: string | null }, options: RunArmsCalibrationOptions = {}): ArmsCalibrationRun {
  const span = options.span ?? [1988, 2024];
  const split = options.backtestSplit ?? 2014;
  const sipri = parseSipriCsv(texts.sipri);
  const owid = texts.owid ? parseOwidMilex(texts.owid) : null;
  const fas = texts.fas ? parseFasStockpiles(texts.fas) : null;
  const stocks = s.actors.flatMap((a) => (['conventional', 'strategic'] as const).filter((k) => a.capabilities?.[k]).map((kind) => ({ actor: a.id, kind })));
  const { data, notes } = armsStockData({ sipri: sipri.rows, owid: owid?.rows, warheads: fas?.rows, stocks });
  const panel = buildPanel(s, data, span);
  const skipped = [sipri, owid, fas].flatMap((r) => (r && r.skipped.length ? [`${r.kind}: ${r.skipped.length} malformed rows skipped`] : []));
  const calibration = calibrateArms(s, panel, { fit: span });
  const backtest = backtestArms(s, panel, { fit: [span[0], split], horizon: options.horizon ?? 10 });
  return { span, panel, calibration, backtest, notes: [...notes, ...panel.notes, ...skipped] };
}
