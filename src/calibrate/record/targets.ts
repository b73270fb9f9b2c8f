import { cnsMonthly, parseCnsLaunches } from '../../data/cns.js';
import { parseCowMid } from '../../data/cowMid.js';
import { parseFasStockpiles } from '../../data/fasStockpiles.js';
import { parseSipriCsv } from '../../data/sipri.js';
import { ols } from '../../estimate/ols.js';
import type { RecordTarget } from '../../scenario/record.js';
import type { Scenario } from '../../scenario/schema.js';
import { COUNTRY_NAMES } from '../armsData.js';
import { dialogueMonths, exerciseMonths, monthRange, parseExercises } from '../crisis/covariates.js';
import { windowStatistics } from './hindcast.js';
import { clashYears } from '../crisis/incidents.js';

/** The texts of the data files the record is computed from (the CLI reads them). */
export interface RecordInputs {
  cns: string;
  exercises: string;
  midDyadYears: string;
  sipri: string;
  fas: string;
}

/**
 * The model discrepancy of each kind of target: how far a model right in every other respect may miss it, for
 * reasons the model leaves out. Assumptions, each with its reason and range; `calibrate record` writes them into
 * the scenario, which then owns them (a rerun keeps the scenario's own).
 */
export const DISCREPANCY = {
  'launches.mean': { value: 0.5, assumption: 'Launch campaigns cluster (self-excitation, docs/calibration-crisis.md) and move with threat, which the hindcast holds at its base: half a missile a month', range: [0.25, 1] },
  'launches.variance': { value: 4, assumption: 'The clustering the NB2 leaves out inflates the variance across months', range: [2, 8] },
  'launches.zeroShare': { value: 0.08, assumption: 'Campaign clustering changes the share of quiet months', range: [0.04, 0.15] },
  'launches.dialogue': { value: 0.2, assumption: 'One dialogue episode (2018) stands for every open channel', range: [0.1, 0.4] },
  clashYears: { value: 1, assumption: 'Clash-years per decade: 1990–2014 stand for the years after 2024 (stationarity), MID codes stand for the model\'s clashes', range: [0.5, 2] },
  noWar: { value: 0, assumption: 'The quiet record is taken at face value: a probability, no discrepancy', range: [0, 0.5] },
  'armsGrowth.conventional': { value: 0.02, assumption: 'Yearly growth of spending differs from one decade to the next (wars, budgets): 2 points a year', range: [0.01, 0.04] },
  'armsGrowth.strategic': { value: 0.02, assumption: 'Stockpile trends follow treaties (New START to February 2026) that the linear model does not hold: 2 points a year', range: [0.01, 0.04] },
} as const;

/** The log-linear trend (OLS slope of ln value on year) and its standard error over from … to. */
export function logTrend(points: readonly { year: number; value: number }[], from: number, to: number): { slope: number; se: number; n: number } | null {
  const pts = points.filter((p) => p.year >= from && p.year <= to && p.value > 0).sort((a, b) => a.year - b.year);
  if (pts.length < 3) return null;
  const fit = ols(pts.map((p) => Math.log(p.value)), [pts.map((p) => p.year - from)], { names: ['trend'] });
  const c = fit.coefficients[1];
  return { slope: c.estimate, se: c.stdError, n: pts.length };
}

const discrepancy = (k: keyof typeof DISCREPANCY) => ({ ...DISCREPANCY[k], range: [...DISCREPANCY[k].range] as [number, number] });

/**
 * The record of the Korea scenario, recomputed from the data by the project's importers (docs/calibration.md#record):
 * North Korea's monthly missiles (CNS) from 2012-01 to the scenario's asOf month — mean, variance, share of zero
 * months — and in the 2018–19 dialogue months; use-of-force dispute years 1990–2014 (COW MID) of North Korea
 * with ROK/US/Japan and of the inter-Korean dyad; no war on the peninsula 1954 to the asOf year; SIPRI growth of
 * each conventional stock over the ten years to 2024 and the FAS warhead trends 2013–2023.
 * Example: `recordTargets(korea, inputs).map((t) => t.id)`.
 */
export function recordTargets(s: Scenario, inputs: RecordInputs, o: { peninsula?: string } = {}): RecordTarget[] {
  const peninsula = o.peninsula ?? 'peninsula';
  const asOf = (s.asOf ?? s.start ?? '2024-11-30').slice(0, 7);
  const out: RecordTarget[] = [];
  // Launches: the months by covariate class, then the statistics of the observed counts.
  const monthly = new Map(cnsMonthly(parseCnsLaunches(inputs.cns).rows).map((m) => [m.month, m.missiles]));
  const exercises = parseExercises(inputs.exercises);
  const launchWindow = (from: string, to: string) => {
    const months = monthRange(from, to);
    const ex = exerciseMonths(exercises, from, to, 'cycle'), di = dialogueMonths();
    const cls = { plain: 0, exercise: 0, dialogue: 0, exerciseDialogue: 0 };
    for (const m of months) {
      const e = ex.has(m), d = di.has(m);
      cls[e && d ? 'exerciseDialogue' : e ? 'exercise' : d ? 'dialogue' : 'plain']++;
    }
    return { months: cls, stats: windowStatistics(months.map((m) => monthly.get(m) ?? 0)) };
  };
  const all = launchWindow('2012-01', asOf);
  const names = { mean: 'Missiles per month, mean', variance: 'Missiles per month, variance across months', zeroShare: 'Share of months with no missile' } as const;
  for (const statistic of ['mean', 'variance', 'zeroShare'] as const) {
    out.push({ id: `launches-${statistic === 'zeroShare' ? 'zero-share' : statistic}`, title: `${names[statistic]}, 2012-01 … ${asOf}`, kind: 'launches', statistic, from: '2012-01', to: asOf, months: all.months, observed: round(all.stats[statistic]), source: 'cns-missile-db', discrepancy: discrepancy(`launches.${statistic}`) });
  }
  const lull = launchWindow('2018-04', '2019-02');
  out.push({ id: 'launches-dialogue', title: 'Missiles per month in the 2018–19 dialogue (2018-04 … 2019-02)', kind: 'launches', statistic: 'mean', from: '2018-04', to: '2019-02', months: lull.months, observed: round(lull.stats.mean), source: 'cns-missile-db', discrepancy: discrepancy('launches.dialogue') });
  // Clash-years and the quiet record (COW MID v5).
  const mid = parseCowMid(inputs.midDyadYears).rows;
  const cy = clashYears(mid, 1990, 2014);
  out.push({ id: 'clash-years-peninsula', title: 'Years with a use-of-force dispute, North Korea with ROK/US/Japan, 1990–2014', kind: 'clashYears', group: peninsula, from: 1990, to: 2014, observed: cy.count, source: 'cow-mid-5', discrepancy: discrepancy('clashYears') });
  out.push({ id: 'clash-years-inter-korean', title: 'Years with a use-of-force dispute, North and South Korea, 1990–2014', kind: 'clashYears', pair: ['PRK', 'KOR'], from: 1990, to: 2014, observed: cy.interKorean.years.length, source: 'cow-mid-5', discrepancy: discrepancy('clashYears') });
  out.push({ id: 'no-war-peninsula', title: `No war on the peninsula, 1954–${asOf.slice(0, 4)}`, kind: 'noWar', group: peninsula, from: 1954, to: Number(asOf.slice(0, 4)), source: 'cow-mid-5', discrepancy: discrepancy('noWar'), note: 'COW MID v5 records no war-level dispute of North Korea after the 1953 armistice to its end in 2014; none since (no interstate war on the peninsula to the scenario\'s asOf).' });
  // Arms: SIPRI growth to 2024, FAS trends 2013–2023.
  const sipri = parseSipriCsv(inputs.sipri).rows;
  const fas = parseFasStockpiles(inputs.fas).rows;
  for (const a of s.actors) {
    const names = COUNTRY_NAMES[a.id];
    if (!names) continue;
    if (a.capabilities?.conventional && names.sipri) {
      const pts = sipri.filter((r) => r.country === names.sipri && typeof r.milex_const2023_usd_m === 'number').map((r) => ({ year: r.year, value: r.milex_const2023_usd_m as number }));
      const last = Math.max(...pts.map((p) => p.year));
      const tr = last >= 2024 ? logTrend(pts, 2014, 2024) : null;
      if (tr) out.push({ id: `growth-${a.id}-conventional`, title: `${a.name}: military spending trend 2014–2024 (constant 2023 US$)`, kind: 'armsGrowth', stock: `${a.id}.conventional`, from: 2014, to: 2024, observed: round(tr.slope), observationSd: round(tr.se), source: 'sipri-milex-2025', discrepancy: discrepancy('armsGrowth.conventional') });
    }
    if (a.capabilities?.strategic && names.fas) {
      const pts = fas.filter((r) => r.country === names.fas).map((r) => ({ year: r.year, value: r.warheads }));
      const tr = logTrend(pts, 2013, 2023);
      if (tr && pts.filter((p) => p.year >= 2013).length >= 8) out.push({ id: `growth-${a.id}-strategic`, title: `${a.name}: warhead stockpile trend 2013–2023 (FAS)`, kind: 'armsGrowth', stock: `${a.id}.strategic`, from: 2013, to: 2023, observed: round(tr.slope), observationSd: round(tr.se), source: 'fas-2023', discrepancy: discrepancy('armsGrowth.strategic') });
    }
  }
  return out;
}

const round = (x: number) => Number(x.toPrecision(4));
