import { effectNodes, logProbabilityTable, logSumExp, outcomeOf, type LayerParameters, type LayerSettings } from './ladderLayer.js';
import type { RivalryPanel } from './panel.js';

/*
 * Forecasts of one rivalry's years from `from` on, by the fitted layer and by the two naive forecasters. Every
 * forecast of year t uses only what was known at the end of year t − 1: the pooled parameters (fitted on other
 * rivalries, or on earlier years), the rivalry's own record before t, and last year's clash (the lag).
 */

/** Yearly probabilities of a clash-year and of a war onset, one entry per forecast year. */
export interface YearlyForecast {
  clash: Float64Array;
  war: Float64Array;
}

/**
 * The layer's one-step-ahead forecasts: the rivalry effect's distribution updated by Bayes' rule with the
 * rivalry's own years before t (on the nodes of effectNodes), then P(clash-year) and P(war onset) at t given the
 * lag, averaged over it. Example: `layerOneStep(panel, fit.parameters, settings, 1990)`.
 */
export function layerOneStep(p: RivalryPanel, par: LayerParameters, s: LayerSettings, from: number): YearlyForecast {
  const nodes = effectNodes(par);
  const table = logProbabilityTable(nodes, par, s);
  const post = nodes.logWeight.slice(), w = new Float64Array(post.length);
  const clash: number[] = [], war: number[] = [];
  for (let t = 0; t < p.years.length; t++) {
    const lag = p.lag[t];
    if (p.years[t] >= from) {
      const norm = logSumExp(post);
      let pc = 0, pw = 0;
      for (let k = 0; k < post.length; k++) {
        w[k] = Math.exp(post[k] - norm);
        pc += w[k] * -Math.expm1(table[lag][0][k]);
        pw += w[k] * Math.exp(table[lag][2][k]);
      }
      clash.push(pc);
      war.push(pw);
    }
    const y = outcomeOf(p, t);
    for (let k = 0; k < post.length; k++) post[k] += table[lag][y][k];
  }
  return { clash: Float64Array.from(clash), war: Float64Array.from(war) };
}

/**
 * The layer's forecast, made at the end of year `from` − 1, of the number of clash-years among the rivalry's years
 * from `from` on: a mixture over the rivalry effect (updated with the years before `from`) of the Markov chain the
 * persistence makes (the lag of consecutive forecast years is the chain's own state; the first year's lag, and the
 * lag after a gap in the rivalry, are observed). Returns P(K = k), k = 0 … n.
 */
export function layerCountForecast(p: RivalryPanel, par: LayerParameters, s: LayerSettings, from: number): number[] {
  const nodes = effectNodes(par);
  const table = logProbabilityTable(nodes, par, s);
  const post = nodes.logWeight.slice();
  const idx: number[] = [];
  for (let t = 0; t < p.years.length; t++) {
    if (p.years[t] >= from) idx.push(t);
    else for (let k = 0; k < post.length; k++) post[k] += table[p.lag[t]][outcomeOf(p, t)][k];
  }
  const n = idx.length, norm = logSumExp(post), pmf = new Array<number>(n + 1).fill(0);
  for (let k = 0; k < post.length; k++) {
    const wk = Math.exp(post[k] - norm);
    if (wk < 1e-15) continue;
    const pc = [-Math.expm1(table[0][0][k]), -Math.expm1(table[1][0][k])];
    // a[s][c]: probability of c clash-years so far with the last forecast year in state s.
    let a = [new Float64Array(n + 1), new Float64Array(n + 1)];
    a[0][0] = 1;
    idx.forEach((t, j) => {
      const chained = j > 0 && p.years[idx[j - 1]] === p.years[t] - 1;
      const b = [new Float64Array(n + 1), new Float64Array(n + 1)];
      for (let st = 0; st < 2; st++) for (let c = 0; c <= j; c++) {
        const m = a[st][c];
        if (m === 0) continue;
        const q = pc[chained ? st : p.lag[t]];
        b[0][c] += m * (1 - q);
        b[1][c + 1] += m * q;
      }
      a = b;
    });
    for (let c = 0; c <= n; c++) pmf[c] += wk * (a[0][c] + a[1][c]);
  }
  return pmf;
}

/**
 * The pooled base rate of a set of panels: clash-year and war-onset shares of the rivalry-years pooled, as
 * (k + ½)/(n + 1) (Jeffreys), so that a training set without a war still forecasts one with a small probability.
 */
export function pooledRates(panels: readonly RivalryPanel[]): { clash: number; war: number; years: number } {
  let years = 0, clash = 0, war = 0;
  for (const p of panels) for (let t = 0; t < p.years.length; t++) {
    years++;
    clash += p.clash[t];
    war += p.war[t];
  }
  return { clash: (clash + 0.5) / (years + 1), war: (war + 0.5) / (years + 1), years };
}

/** The pooled base rate as a forecast of every year from `from` on. */
export function pooledForecast(p: RivalryPanel, rates: { clash: number; war: number }, from: number): YearlyForecast {
  const n = p.years.filter((y) => y >= from).length;
  return { clash: new Float64Array(n).fill(rates.clash), war: new Float64Array(n).fill(rates.war) };
}

/**
 * The rivalry's own past rate: (k + r̄)/(n + 1) from its n years before t with k events, r̄ the pooled rate (one
 * pseudo-year at the pooled rate, so the first year is forecast at r̄ and no forecast is 0 or 1).
 */
export function ownPastForecast(p: RivalryPanel, rates: { clash: number; war: number }, from: number): YearlyForecast {
  const clash: number[] = [], war: number[] = [];
  let n = 0, kc = 0, kw = 0;
  for (let t = 0; t < p.years.length; t++) {
    if (p.years[t] >= from) {
      clash.push((kc + rates.clash) / (n + 1));
      war.push((kw + rates.war) / (n + 1));
    }
    n++;
    kc += p.clash[t];
    kw += p.war[t];
  }
  return { clash: Float64Array.from(clash), war: Float64Array.from(war) };
}

/** The own-past rate of clash-years at the end of year `from` − 1 (the count forecasters' rate). */
export function ownPastRate(p: RivalryPanel, pooled: number, from: number): number {
  let n = 0, k = 0;
  for (let t = 0; t < p.years.length && p.years[t] < from; t++) {
    n++;
    k += p.clash[t];
  }
  return (k + pooled) / (n + 1);
}

/** Binomial(n, p) probabilities P(K = k), k = 0 … n, by the recurrence on k (exact for p in (0, 1)). */
export function binomialPmf(n: number, p: number): number[] {
  const out = new Array<number>(n + 1).fill(0);
  if (p <= 0) out[0] = 1;
  else if (p >= 1) out[n] = 1;
  else {
    let lp = n * Math.log1p(-p);
    const r = Math.log(p) - Math.log1p(-p);
    for (let k = 0; k <= n; k++) {
      out[k] = Math.exp(lp);
      lp += Math.log(n - k) - Math.log(k + 1) + r;
    }
  }
  return out;
}
