/**
 * The arms model on historical races (docs/arms-history.md): rolling backtests of the calibrated arms model
 * against the naive forecasts of the Korea backtest (random walk, linear trend, drift, anchored mean increment)
 * on the US–Soviet race 1950–1991 and on India–Pakistan 1990–2024, and Richardson's own pooled fit of the
 * pre-1914 blocs on the COW NMC proxy next to the published reading. Pure: the caller reads the files.
 */
import { parseFasStockpiles } from '../data/fasStockpiles.js';
import { parseOwidMilex } from '../data/owidMilex.js';
import { parseSipriCsv } from '../data/sipri.js';
import { findColumn, readTable } from '../data/table.js';
import { richardsonPooled } from '../estimate/richardson.js';
import type { Scenario } from '../scenario/schema.js';
import { armsStockData } from './armsData.js';
import { buildPanel } from './armsPanel.js';
import { backtestArms, METHODS, type BacktestStock, type ForecastError, type Method } from './backtestArms.js';
import { mape, rmseLog } from './forecastErrors.js';

/** The texts of the data files (SOURCES.md layout). */
export interface HistoryInputs {
  sipri: string;
  owid: string;
  fas: string;
  /** arms_races/pre_wwi_bloc_milex_cow_nmc_v7_1900_1913_gbp.csv */
  preWwi: string;
}

/** One historical race: the scenario whose stocks are forecast, its span, the forecast origins and which actors count. */
export interface RaceSpec {
  id: string;
  title: string;
  scenario: Scenario;
  /** First and last year of the panel. */
  span: [number, number];
  /** Last fitted year of each backtest; each forecasts the `horizon` years after it. */
  origins: number[];
  horizon: number;
  /** Actors whose conventional stocks are scored. */
  actors: string[];
}

/** The backtests of one race: per origin and stock, and pooled over every scored stock-year. */
export interface RaceBacktest {
  id: string;
  title: string;
  span: [number, number];
  horizon: number;
  runs: { origin: number; stocks: BacktestStock[] }[];
  pooled: { n: number } & Record<Method, ForecastError>;
  /** Share of scored stock-years where the model's absolute log error is below each baseline's. */
  modelWins: Record<Exclude<Method, 'model'>, number>;
  notes: string[];
}

/**
 * Runs each origin's backtest (calibrate on span[0] … origin, forecast `horizon` years) with SIPRI and the OWID
 * long-run series both scored (the Soviet series is OWID's), and pools the scored actors' stock-years.
 * Example: `raceBacktest({ ..., origins: [1961, 1971, 1981], horizon: 10 }, inputs).pooled.model.rmseLog`.
 */
export function raceBacktest(spec: RaceSpec, inputs: HistoryInputs): RaceBacktest {
  const s = spec.scenario;
  const stocks = s.actors.flatMap((a) => (['conventional', 'strategic'] as const).filter((k) => a.capabilities?.[k]).map((kind) => ({ actor: a.id, kind })));
  const { data, notes } = armsStockData({ sipri: parseSipriCsv(inputs.sipri).rows, owid: parseOwidMilex(inputs.owid).rows, warheads: parseFasStockpiles(inputs.fas).rows, stocks });
  const panel = buildPanel(s, data, spec.span);
  const runs = spec.origins.map((origin) => {
    const b = backtestArms(s, panel, { fit: [spec.span[0], origin], horizon: spec.horizon, evaluateSources: ['SIPRI', 'OWID (COW+SIPRI)'] });
    return { origin, stocks: b.stocks.filter((st) => spec.actors.includes(st.actor)) };
  });
  const all = runs.flatMap((r) => r.stocks);
  const actual = all.flatMap((st) => st.actual);
  const pooled = { n: actual.length, ...(Object.fromEntries(METHODS.map((m) => [m, errors(all.flatMap((st) => st[m]), actual)])) as Record<Method, ForecastError>) };
  const absLog = (m: Method) => all.flatMap((st) => st[m].map((f, k) => Math.abs(Math.log(Math.max(f, 1e-9 * st.actual[k]) / st.actual[k]))));
  const model = absLog('model');
  const modelWins = Object.fromEntries(METHODS.filter((m) => m !== 'model').map((m) => {
    const base = absLog(m);
    return [m, model.length ? model.filter((e, k) => e < base[k]).length / model.length : 0];
  })) as Record<Exclude<Method, 'model'>, number>;
  return { id: spec.id, title: spec.title, span: spec.span, horizon: spec.horizon, runs, pooled, modelWins, notes: [...notes, ...panel.notes] };
}

function errors(f: number[], a: number[]): ForecastError {
  if (!a.length) return { rmseLog: 0, mape: 0 };
  const safe = f.map((v, k) => Math.max(v, 1e-9 * a[k]));
  return { rmseLog: rmseLog(safe, a), mape: mape(f, a) };
}

/**
 * Richardson's pooled reading of the pre-1914 race as published: Δ(U+V) = k′((U+V) − E) with k′ = 0.73 a year
 * and E = 194 £ million, fitted to the 1909–1913 defence budgets of France + Russia (U) and Germany +
 * Austria-Hungary (V) (L. F. Richardson, Arms and Insecurity, 1960, ch. 2, p. 32, as the textbooks cite it). The
 * project's stores hold no copy of the table (SOURCES.md): the numbers are the cited reading, not checked against
 * the book here.
 */
export const RICHARDSON_PUBLISHED = { slope: 0.73, equilibrium: 194, years: [1909, 1913] as [number, number], source: 'Richardson (1960), Arms and Insecurity, ch. 2, p. 32, as cited' };

/** Richardson's pooled fit on the COW NMC v7 proxy over a window of years. */
export interface RichardsonRow {
  from: number;
  to: number;
  /** Consecutive pairs regressed on. */
  n: number;
  slope: number;
  slopeSe: number;
  intercept: number;
  /** −intercept/slope: where growth stops (Richardson's E). */
  equilibrium: number | null;
  r2: number;
}

/** The pooled fit on the proxy's U (France + Russia) and V (Germany + Austria-Hungary), £ million, for each window. */
export function richardsonPreWwi(csv: string, windows: [number, number][] = [[1909, 1913], [1907, 1913], [1900, 1913]]): RichardsonRow[] {
  const t = readTable(csv);
  const col = (name: string) => findColumn(t, [name]);
  const [y, u, v] = [col('year'), col('U_france_plus_russia'), col('V_germany_plus_austria_hungary')];
  if (y < 0 || u < 0 || v < 0) throw new Error('the pre-1914 file needs columns year, U_france_plus_russia, V_germany_plus_austria_hungary');
  const rows = t.records.map(({ fields: f }) => ({ year: Number(f[y]), u: Number(f[u]), v: Number(f[v]) }));
  return windows.map(([from, to]) => {
    const w = rows.filter((r) => r.year >= from && r.year <= to).sort((a, b) => a.year - b.year);
    const p = richardsonPooled(w.map((r) => r.u), w.map((r) => r.v));
    return { from, to, n: w.length - 1, slope: p.slope, slopeSe: p.fit.coefficients[1].stdError, intercept: p.intercept, equilibrium: p.stopLevel, r2: p.fit.r2 };
  });
}
