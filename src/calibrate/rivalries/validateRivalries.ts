import { binomialPmf, layerCountForecast, layerOneStep, ownPastForecast, ownPastRate, pooledForecast, pooledRates, type YearlyForecast } from './forecast.js';
import { fitLayer, LAYER_VARIANTS, type LayerFit, type LayerVariant } from './fitLayer.js';
import { defaultLayerSettings, type LayerParameters, type LayerSettings } from './ladderLayer.js';
import { panelTotals, panelWindow, STUDY_FROM, STUDY_TO, type RivalryPanel } from './panel.js';
import { reliabilityBins, type ReliabilityBin } from './reliability.js';
import { brier, crpsCount, logScore, pairedComparison, type PairedComparison } from './scores.js';

/** The forecasters scored: the layer (three variants) and the two naive ones. */
export type Forecaster = 'model' | 'model-no-persistence' | 'model-no-random-effect' | 'pooled' | 'own-past';
export const FORECASTERS: readonly Forecaster[] = ['model', 'model-no-persistence', 'model-no-random-effect', 'pooled', 'own-past'];
const MODEL_OF: Record<LayerVariant, Forecaster> = { full: 'model', 'no-persistence': 'model-no-persistence', 'no-random-effect': 'model-no-random-effect' };

/** The scores: Brier and log score per rivalry-year for clash-years and war onsets, CRPS of the clash-year count. */
export type ScoreId = 'brier-clash' | 'log-clash' | 'brier-war' | 'log-war' | 'crps-count';
export const SCORES: readonly ScoreId[] = ['brier-clash', 'log-clash', 'brier-war', 'log-war', 'crps-count'];

/** One held-out rivalry: its forecast years, what happened, and each forecaster's summed scores. */
export interface RivalryScores {
  key: string;
  name: string;
  years: number;
  clashYears: number;
  warOnsets: number;
  /** Expected clash-years of the count forecast, per forecaster. */
  expectedClashYears: Record<Forecaster, number>;
  sums: Record<Forecaster, Record<ScoreId, number>>;
}

/** One out-of-sample design: leave-one-out over rivalries, or the temporal split. */
export interface Evaluation {
  id: 'leave-one-out' | 'temporal';
  title: string;
  /** Years forecast (all rivalries pooled) and what happened in them. */
  totals: { rivalries: number; years: number; clashYears: number; warOnsets: number };
  /** The temporal split's fit years (all rivalries before the split); absent for leave-one-out. */
  training?: { rivalries: number; years: number; clashYears: number; warOnsets: number };
  /** Fitted parameters per variant: the one fit (temporal) or the range over the folds (leave-one-out). */
  parameters: Record<LayerVariant, { fit: LayerParameters; min: LayerParameters; max: LayerParameters }>;
  /** Mean score per unit (rivalry-year; rivalry for the count) of every forecaster. */
  means: Record<Forecaster, Record<ScoreId, number>>;
  /** Each model variant against each naive forecaster, per score: difference model − naive with its interval. */
  comparisons: { model: Forecaster; naive: 'pooled' | 'own-past'; score: ScoreId; result: PairedComparison }[];
  /** Reliability of the clash-year forecasts of the full model and the own past rate (RELIABILITY_EDGES), and of the pooled base rate (one bin: its folds differ only in the third digit). */
  reliability: Record<'model' | 'pooled' | 'own-past', ReliabilityBin[]>;
  rivalries: RivalryScores[];
}

/** Options: seed and size of the bootstrap, the model settings, the split year of the temporal design. */
export interface RivalryValidationOptions {
  /** Seed of the cluster bootstrap (the fits are deterministic). Default 1. */
  seed?: number;
  /** Bootstrap resamples. Default 2000. */
  resamples?: number;
  /** Model settings (κ_v, friction). Default defaultLayerSettings(). */
  settings?: LayerSettings;
  /** First forecast year of the temporal split (fit STUDY_FROM … split − 1). Default 1990. */
  split?: number;
  /** Progress: called after each leave-one-out fold and at the temporal fit. */
  onStep?: (done: number, total: number, next: string) => void;
}

/** The whole validation: the in-sample fit on all rivalries, then the two out-of-sample designs. */
export interface RivalryValidation {
  settings: LayerSettings;
  window: { from: number; to: number; split: number };
  totals: { rivalries: number; years: number; clashYears: number; warOnsets: number };
  /** The fit on every rivalry and year (in sample), per variant. */
  fullFit: Record<LayerVariant, LayerFit>;
  evaluations: Evaluation[];
}

interface Pending {
  panel: RivalryPanel;
  from: number;
  yearly: Record<Forecaster, YearlyForecast>;
  counts: Record<Forecaster, number[]>;
}

/** Scores one rivalry's forecasts (years ≥ from). */
function scoreRivalry(x: Pending): RivalryScores {
  const idx = x.panel.years.flatMap((y, t) => (y >= x.from ? [t] : []));
  const clash = idx.map((t) => x.panel.clash[t]), war = idx.map((t) => x.panel.war[t]);
  const observed = clash.reduce((s, v) => s + v, 0);
  const sums = {} as RivalryScores['sums'], expected = {} as RivalryScores['expectedClashYears'];
  for (const f of FORECASTERS) {
    const { clash: pc, war: pw } = x.yearly[f];
    let bc = 0, lc = 0, bw = 0, lw = 0;
    idx.forEach((_, j) => {
      bc += brier(pc[j], clash[j]);
      lc += logScore(pc[j], clash[j]);
      bw += brier(pw[j], war[j]);
      lw += logScore(pw[j], war[j]);
    });
    sums[f] = { 'brier-clash': bc, 'log-clash': lc, 'brier-war': bw, 'log-war': lw, 'crps-count': crpsCount(x.counts[f], observed) };
    expected[f] = x.counts[f].reduce((s, p, k) => s + p * k, 0);
  }
  return { key: x.panel.key, name: x.panel.name, years: idx.length, clashYears: observed, warOnsets: war.reduce((s, v) => s + v, 0), expectedClashYears: expected, sums };
}

/** The forecasts of one rivalry from `from` on, given the fitted variants and the training panels' pooled rates. */
function forecastRivalry(panel: RivalryPanel, from: number, fits: Record<LayerVariant, LayerParameters>, rates: { clash: number; war: number }, s: LayerSettings): Pending {
  const yearly = {} as Pending['yearly'], counts = {} as Pending['counts'];
  for (const v of LAYER_VARIANTS) {
    yearly[MODEL_OF[v]] = layerOneStep(panel, fits[v], s, from);
    counts[MODEL_OF[v]] = layerCountForecast(panel, fits[v], s, from);
  }
  const n = panel.years.filter((y) => y >= from).length;
  yearly.pooled = pooledForecast(panel, rates, from);
  counts.pooled = binomialPmf(n, rates.clash);
  yearly['own-past'] = ownPastForecast(panel, rates, from);
  counts['own-past'] = binomialPmf(n, ownPastRate(panel, rates.clash, from));
  return { panel, from, yearly, counts };
}

/** Assembles an evaluation from the scored rivalries. */
function summarise(id: Evaluation['id'], title: string, pending: Pending[], parameters: Evaluation['parameters'], o: Required<Pick<RivalryValidationOptions, 'seed' | 'resamples'>>): Evaluation {
  const rows = pending.map(scoreRivalry);
  const years = rows.reduce((s, r) => s + r.years, 0);
  const means = {} as Evaluation['means'];
  for (const f of FORECASTERS) {
    means[f] = {} as Record<ScoreId, number>;
    for (const sc of SCORES) means[f][sc] = rows.reduce((s, r) => s + r.sums[f][sc], 0) / (sc === 'crps-count' ? rows.length : years);
  }
  const comparisons: Evaluation['comparisons'] = [];
  let stream = id === 'temporal' ? 1000 : 0;
  for (const model of ['model', 'model-no-persistence', 'model-no-random-effect'] as const) {
    for (const naive of ['pooled', 'own-past'] as const) {
      for (const score of SCORES) {
        const paired = rows.map((r) => ({ a: r.sums[model][score], b: r.sums[naive][score], n: score === 'crps-count' ? 1 : r.years }));
        comparisons.push({ model, naive, score, result: pairedComparison(paired, { resamples: o.resamples, seed: o.seed, stream: stream++ }) });
      }
    }
  }
  const pairs = (f: Forecaster) => pending.flatMap((x) => {
    const idx = x.panel.years.flatMap((y, t) => (y >= x.from ? [t] : []));
    return idx.map((t, j) => ({ p: x.yearly[f].clash[j], y: x.panel.clash[t] }));
  });
  return {
    id, title,
    totals: { rivalries: rows.length, years, clashYears: rows.reduce((s, r) => s + r.clashYears, 0), warOnsets: rows.reduce((s, r) => s + r.warOnsets, 0) },
    parameters, means, comparisons,
    reliability: { model: reliabilityBins(pairs('model')), pooled: reliabilityBins(pairs('pooled'), [0, 1]), 'own-past': reliabilityBins(pairs('own-past')) },
    rivalries: rows,
  };
}

const range = (ps: LayerParameters[]) => {
  const pick = (f: (p: LayerParameters) => number, g: (...x: number[]) => number) => g(...ps.map(f));
  const of = (g: (...x: number[]) => number): LayerParameters => ({ mean: pick((p) => p.mean, g), sd: pick((p) => p.sd, g), persistence: pick((p) => p.persistence, g), warGivenClash: pick((p) => p.warGivenClash, g) });
  return { min: of(Math.min), max: of(Math.max) };
};

/**
 * Validates the crisis model's clash-and-war layer across rivalries out of sample (docs/validation.md):
 * leave-one-out (fit on all rivalries but one, forecast the held-out rivalry's every year 1946–2014) and the
 * temporal split (fit on 1946 … split − 1, forecast split … 2014), scored against the pooled base rate and the
 * rivalry's own past rate. Deterministic in (panels, options). Example: `validateRivalries(rivalryPanels(mid, spells))`.
 */
export function validateRivalries(panels: readonly RivalryPanel[], o: RivalryValidationOptions = {}): RivalryValidation {
  const s = o.settings ?? defaultLayerSettings();
  const split = o.split ?? 1990;
  const opts = { seed: o.seed ?? 1, resamples: o.resamples ?? 2000 };
  if (panels.length < 3) throw new Error(`the validation needs at least 3 rivalries with years in ${STUDY_FROM}–${STUDY_TO}, got ${panels.length}`);
  const total = panels.length + 1;
  const fullFit = {} as Record<LayerVariant, LayerFit>;
  for (const v of LAYER_VARIANTS) fullFit[v] = fitLayer(panels, s, { variant: v });
  const startOf = (v: LayerVariant) => fullFit[v].parameters;

  // Leave-one-out: each fold refits every variant without the held-out rivalry, from the full fit.
  const loo: Pending[] = [];
  const foldParams: Record<LayerVariant, LayerParameters[]> = { full: [], 'no-persistence': [], 'no-random-effect': [] };
  panels.forEach((held, r) => {
    o.onStep?.(r, total, `leave-one-out fold ${r + 1} of ${panels.length}`);
    const train = panels.filter((_, j) => j !== r);
    const fits = {} as Record<LayerVariant, LayerParameters>;
    for (const v of LAYER_VARIANTS) {
      fits[v] = fitLayer(train, s, { variant: v, start: startOf(v) }).parameters;
      foldParams[v].push(fits[v]);
    }
    loo.push(forecastRivalry(held, held.years[0], fits, pooledRates(train), s));
  });
  const looParams = Object.fromEntries(LAYER_VARIANTS.map((v) => [v, { fit: fullFit[v].parameters, ...range(foldParams[v]) }])) as Evaluation['parameters'];

  // Temporal split: fit on the years before the split, forecast every rivalry's years from the split on.
  o.onStep?.(panels.length, total, `temporal split at ${split}`);
  const early = panels.map((p) => panelWindow(p, STUDY_FROM, split - 1)).filter((p) => p.years.length > 0);
  const fits = {} as Record<LayerVariant, LayerParameters>;
  for (const v of LAYER_VARIANTS) fits[v] = fitLayer(early, s, { variant: v, start: startOf(v) }).parameters;
  const rates = pooledRates(early);
  const temporal = panels.filter((p) => p.years.some((y) => y >= split)).map((p) => forecastRivalry(p, split, fits, rates, s));
  const tParams = Object.fromEntries(LAYER_VARIANTS.map((v) => [v, { fit: fits[v], min: fits[v], max: fits[v] }])) as Evaluation['parameters'];
  o.onStep?.(total, total, 'done');
  return {
    settings: s,
    window: { from: STUDY_FROM, to: STUDY_TO, split },
    totals: panelTotals(panels),
    fullFit,
    evaluations: [
      summarise('leave-one-out', 'Leave one rivalry out (fit on the others, forecast its every year)', loo, looParams, opts),
      { ...summarise('temporal', `Temporal split (fit ${STUDY_FROM}–${split - 1}, forecast ${split}–${STUDY_TO})`, temporal, tParams, opts), training: panelTotals(early) },
    ],
  };
}
