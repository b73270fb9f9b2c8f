import type { IntRow } from '../../data/intTable.js';
import type { RivalrySpell } from '../../data/rivalries.js';
import { USE_OF_FORCE, WAR } from '../crisis/incidents.js';

/**
 * One rivalry dyad's record, year by year, as the crisis calibration counts it (calibrate/crisis/incidents.ts):
 * a year is a clash-year when a militarized dispute with hostility level ≥ 4 (use of force) began in the dyad that
 * year, in either direction of the directed dyad-year file, and a war onset when one with level 5 (war) began.
 */
export interface RivalryPanel {
  /** `a-b` with a < b, the COW codes of the two states. */
  key: string;
  a: number;
  b: number;
  /** The list's name of the rivalry (spells with different names joined by ` / `). */
  name: string;
  /** The rivalry's years inside the study window, increasing (the union of its spells). */
  years: number[];
  /** Per year: 1 if a use-of-force dispute began (clash-year). */
  clash: Uint8Array;
  /** Per year: 1 if a war-level dispute began (always a clash-year too). */
  war: Uint8Array;
  /** Per year: 1 if the year before was a year of the rivalry and a clash-year (the persistence covariate). */
  lag: Uint8Array;
}

/** The study window of the cross-rivalry validation: 1946–2014 (COW MID v5 ends in 2014). */
export const STUDY_FROM = 1946, STUDY_TO = 2014;

/**
 * Highest hostility level of the disputes that began in each undirected dyad-year (`min-max-year` → level), from
 * COW MID directed dyad-years (rows with onset = 1; `hostlev` is the dispute's level, as in the Korea calibration).
 */
export function onsetLevels(rows: readonly IntRow[]): Map<string, number> {
  const level = new Map<string, number>();
  for (const r of rows) {
    if (r.onset !== 1 || r.ccode1 == null || r.ccode2 == null || r.year == null) continue;
    const k = `${Math.min(r.ccode1, r.ccode2)}-${Math.max(r.ccode1, r.ccode2)}-${r.year}`;
    level.set(k, Math.max(level.get(k) ?? 0, r.hostlev ?? 0));
  }
  return level;
}

/**
 * Builds one panel per rivalry dyad with at least one year in `from` … `to` (default 1946–2014), in the order of
 * their first spell in the list. The lag of the window's first year is read from the record of the year before
 * when the rivalry was already running (1945 for a rivalry begun earlier), so every year has an observed lag.
 * Example: `rivalryPanels(parseCowMid(mid).rows, parseRivalryList(tss).spells)`.
 */
export function rivalryPanels(rows: readonly IntRow[], spells: readonly RivalrySpell[], o: { from?: number; to?: number } = {}): RivalryPanel[] {
  const from = o.from ?? STUDY_FROM, to = o.to ?? STUDY_TO;
  const level = onsetLevels(rows);
  const dyads = new Map<string, { a: number; b: number; names: string[]; years: Set<number> }>();
  for (const s of spells) {
    const a = Math.min(s.ccode1, s.ccode2), b = Math.max(s.ccode1, s.ccode2), key = `${a}-${b}`;
    const d = dyads.get(key) ?? { a, b, names: [], years: new Set<number>() };
    if (!d.names.includes(s.name)) d.names.push(s.name);
    for (let y = s.start; y <= s.end; y++) d.years.add(y);
    dyads.set(key, d);
  }
  const out: RivalryPanel[] = [];
  for (const [key, d] of dyads) {
    const years = [...d.years].filter((y) => y >= from && y <= to).sort((x, y) => x - y);
    if (!years.length) continue;
    const lv = (y: number) => level.get(`${key}-${y}`) ?? 0;
    out.push({
      key, a: d.a, b: d.b, name: d.names.join(' / '), years,
      clash: Uint8Array.from(years, (y) => (lv(y) >= USE_OF_FORCE ? 1 : 0)),
      war: Uint8Array.from(years, (y) => (lv(y) >= WAR ? 1 : 0)),
      lag: Uint8Array.from(years, (y) => (d.years.has(y - 1) && lv(y - 1) >= USE_OF_FORCE ? 1 : 0)),
    });
  }
  return out;
}

/** The years of a panel inside `from` … `to`, as a panel (the temporal split's fit and test parts). */
export function panelWindow(p: RivalryPanel, from: number, to: number): RivalryPanel {
  const keep = p.years.flatMap((y, t) => (y >= from && y <= to ? [t] : []));
  const pick = (x: Uint8Array) => Uint8Array.from(keep, (t) => x[t]);
  return { ...p, years: keep.map((t) => p.years[t]), clash: pick(p.clash), war: pick(p.war), lag: pick(p.lag) };
}

/** Rivalry-years, clash-years and war onsets of a set of panels. */
export function panelTotals(panels: readonly RivalryPanel[]): { rivalries: number; years: number; clashYears: number; warOnsets: number } {
  let years = 0, clashYears = 0, warOnsets = 0;
  for (const p of panels) {
    years += p.years.length;
    for (let t = 0; t < p.years.length; t++) {
      clashYears += p.clash[t];
      warOnsets += p.war[t];
    }
  }
  return { rivalries: panels.length, years, clashYears, warOnsets };
}

/**
 * The distinct MID disputes (dispnum) behind the panels' war onsets: war-level (hostility 5) disputes begun in a
 * rivalry's dyad in one of its years. One multilateral war is a war onset in every dyad it joins, so this count is
 * the number of independent war events, smaller than the war-onset count. Rows without dispnum are not counted.
 * Example: `warDisputes(parseCowMid(mid).rows, panels).size`.
 */
export function warDisputes(rows: readonly IntRow[], panels: readonly RivalryPanel[]): Set<number> {
  const years = new Map(panels.map((p) => [p.key, new Set(p.years)]));
  const out = new Set<number>();
  for (const r of rows) {
    if (r.onset !== 1 || r.ccode1 == null || r.ccode2 == null || r.year == null || r.dispnum == null || (r.hostlev ?? 0) < WAR) continue;
    if (years.get(`${Math.min(r.ccode1, r.ccode2)}-${Math.max(r.ccode1, r.ccode2)}`)?.has(r.year)) out.add(r.dispnum);
  }
  return out;
}
