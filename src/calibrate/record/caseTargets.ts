import { parseCowMid } from '../../data/cowMid.js';
import { parseFasStockpiles } from '../../data/fasStockpiles.js';
import type { IntRow } from '../../data/intTable.js';
import { parseSipriCsv } from '../../data/sipri.js';
import type { RecordTarget } from '../../scenario/record.js';
import type { Scenario } from '../../scenario/schema.js';
import { COUNTRY_NAMES } from '../armsData.js';
import { USE_OF_FORCE, WAR } from '../crisis/incidents.js';
import { logTrend } from './targets.js';

// The record of a case other than Korea: no launch process, so the targets are what COW MID, SIPRI and FAS hold
// for any dyad — use-of-force years and quiet (no-war) periods of the scenario's groups, and the spending and
// stockpile trends of its stocks. The spec (which windows, which groups) comes from the scenario's own `record:`
// section when it has one; the observed values always come from the data.

/** The data files a case's record is computed from (texts; the CLI reads them). */
export interface CaseRecordInputs {
  midDyadYears: string;
  sipri: string;
  fas: string;
}

/**
 * Correlates of War state codes of the actor ids the scenarios use (ISO 3166 alpha-3; COW State System
 * Membership, ../shared/data/cow/cow_states2016.csv). `AUH` is Austria-Hungary (300); `RUS` and `SUN` (the Soviet Union) are both 365.
 */
export const COW_CODES: Readonly<Record<string, number>> = {
  USA: 2, GBR: 200, FRA: 220, DEU: 255, AUH: 300, ITA: 325, GRC: 350, CYP: 352, RUS: 365, SUN: 365, TUR: 640,
  CHN: 710, TWN: 713, PRK: 731, KOR: 732, JPN: 740, IND: 750, PAK: 770, VNM: 816, PHL: 840, AUS: 900,
};

/** The last year COW MID v5 covers: windows are cut there when they are counted. */
export const MID_LAST_YEAR = 2014;

/** Discrepancies of a case's targets (assumptions the scenario then owns; a rerun keeps its own). */
export const CASE_DISCREPANCY = {
  clashYears: { value: 1, assumption: 'Clash-years per decade: 1990–2014 stand for the decade after the scenario\'s asOf (stationarity), MID codes stand for the model\'s clashes', range: [0.5, 2] },
  noWar: { value: 0, assumption: 'The quiet record is taken at face value: a probability, no discrepancy', range: [0, 0.5] },
  'armsGrowth.conventional': { value: 0.02, assumption: 'Yearly growth of spending differs from one decade to the next (wars, budgets): 2 points a year', range: [0.01, 0.04] },
  'armsGrowth.strategic': { value: 0.02, assumption: 'Stockpile trends follow doctrines, fissile-material production and treaties the linear model does not hold: 2 points a year', range: [0.01, 0.04] },
} as const;

const disc = (k: keyof typeof CASE_DISCREPANCY) => ({ ...CASE_DISCREPANCY[k], range: [...CASE_DISCREPANCY[k].range] as [number, number] });

/** The COW code of an actor id, or an error naming the id. */
export function cowCode(actor: string): number {
  const c = COW_CODES[actor];
  if (c === undefined) throw new Error(`no COW code for actor ${actor} (known: ${Object.keys(COW_CODES).join(', ')})`);
  return c;
}

/** The unordered COW pairs of a target: a group's pairs (crisis.groups) or its one pair. */
function targetPairs(s: Scenario, t: { group?: string; pair?: readonly [string, string] }): [number, number][] {
  if (t.pair) return [[cowCode(t.pair[0]), cowCode(t.pair[1])]];
  const g = s.crisis?.groups?.find((x) => x.id === t.group);
  if (!g) throw new Error(`record target: no crisis group '${t.group}'`);
  return g.pairs.map(([a, b]) => [cowCode(a), cowCode(b)]);
}

const inPairs = (r: IntRow, pairs: readonly [number, number][]) => pairs.some(([a, b]) => (r.ccode1 === a && r.ccode2 === b) || (r.ccode1 === b && r.ccode2 === a));

/**
 * Years `from` … `to` in which a use-of-force dispute (hostlev ≥ 4) began in any of `pairs` (COW MID directed
 * dyad-years, either direction). Example: `forceYears(rows, [[750, 770]], 1990, 2014)` → India–Pakistan's eight years.
 */
export function forceYears(rows: readonly IntRow[], pairs: readonly [number, number][], from: number, to: number): number[] {
  const s = new Set<number>();
  for (const r of rows) {
    const y = r.year ?? 0;
    if (y >= from && y <= to && r.onset === 1 && (r.hostlev ?? 0) >= USE_OF_FORCE && inPairs(r, pairs)) s.add(y);
  }
  return [...s].sort((a, b) => a - b);
}

/**
 * Years in which a war-level dispute (hostlev 5) was under way in any of `pairs` — begun or ongoing, or with
 * `onsetsOnly` begun (the war onsets of incidents.ts warConstraint).
 */
export function warYears(rows: readonly IntRow[], pairs: readonly [number, number][], onsetsOnly = false): number[] {
  const s = new Set<number>();
  for (const r of rows) if ((r.hostlev ?? 0) >= WAR && r.year != null && (!onsetsOnly || r.onset === 1) && inPairs(r, pairs)) s.add(r.year);
  return [...s].sort((a, b) => a - b);
}

/** A target as specified, before the data give its observed value (the union's members each without it). */
type Spec = RecordTarget extends infer T ? (T extends RecordTarget ? Omit<T, 'observed' | 'observationSd'> & { observed?: number; observationSd?: number } : never) : never;

/** The targets a case has when its scenario gives no `record:`: every crisis group's clash-years and quiet record, every stock's trend. */
export function defaultCaseSpec(s: Scenario, mid: readonly IntRow[]): Spec[] {
  const asOfYear = Number((s.asOf ?? s.start ?? '2024-12-31').slice(0, 4));
  const out: Spec[] = [];
  for (const g of s.crisis?.groups ?? []) {
    out.push({ id: `clash-years-${g.id}`, title: `Years with a use-of-force dispute, ${g.title}, 1990–2014`, kind: 'clashYears', group: g.id, from: 1990, to: 2014, source: 'cow-mid-5', discrepancy: disc('clashYears') });
    const wars = warYears(mid, targetPairs(s, { group: g.id }));
    const from = wars.length ? wars[wars.length - 1] + 1 : 1946;
    out.push({ id: `no-war-${g.id}`, title: `No war, ${g.title}, ${from}–${asOfYear}`, kind: 'noWar', group: g.id, from, to: asOfYear, source: 'cow-mid-5', discrepancy: disc('noWar') });
  }
  for (const a of s.actors) for (const kind of ['conventional', 'strategic'] as const) {
    if (!a.capabilities?.[kind]) continue;
    const [from, to] = kind === 'conventional' ? [2014, 2024] : [2013, 2023];
    const what = kind === 'conventional' ? 'military spending trend' : 'warhead stockpile trend';
    out.push({ id: `growth-${a.id}-${kind}`, title: `${a.name}: ${what} ${from}–${to} (${kind === 'conventional' ? 'constant 2023 US$' : 'FAS'})`, kind: 'armsGrowth', stock: `${a.id}.${kind}`, from, to, source: kind === 'conventional' ? 'sipri-milex-2025' : 'fas-2023', discrepancy: disc(`armsGrowth.${kind}`) });
  }
  return out;
}

/**
 * The record of a case without a launch process (docs/calibration.md#record), recomputed from the data: the spec
 * of each target — kind, window, group or pair, stock, title, source, discrepancy — from the scenario's `record:`
 * section when it has one (else `defaultCaseSpec`), and its observed value from the data:
 * - clashYears: years with a use-of-force onset in the group's (or pair's) dyads, COW MID v5;
 * - noWar: checked, not counted — a war-level dispute year inside the window (to 2014, MID's end) is an error;
 * - armsGrowth: the log-linear trend of the stock's SIPRI (constant 2023 US$) or FAS series over the window.
 * A stock with no series in the window is dropped (a case without the data simply has no such target).
 * Example: `caseRecordTargets(indiaPakistan, inputs).map((t) => t.id)`.
 */
export function caseRecordTargets(s: Scenario, inputs: CaseRecordInputs): RecordTarget[] {
  const mid = parseCowMid(inputs.midDyadYears).rows;
  const sipri = parseSipriCsv(inputs.sipri).rows;
  const fas = parseFasStockpiles(inputs.fas).rows;
  const spec: Spec[] = s.record?.targets ?? defaultCaseSpec(s, mid);
  const out: RecordTarget[] = [];
  for (const t of spec) {
    switch (t.kind) {
      case 'launches':
        throw new Error(`record target ${t.id}: launch targets need the launch record (a scenario with crisis.launches uses the Korea record)`);
      case 'clashYears': {
        if (t.to > MID_LAST_YEAR) throw new Error(`record target ${t.id}: COW MID v5 ends in ${MID_LAST_YEAR}, the window ends in ${t.to}`);
        out.push({ ...t, observed: forceYears(mid, targetPairs(s, t), t.from, t.to).length } as RecordTarget);
        break;
      }
      case 'noWar': {
        const inside = warYears(mid, targetPairs(s, t)).filter((y) => y >= t.from && y <= t.to);
        if (inside.length) throw new Error(`record target ${t.id}: COW MID v5 records war-level disputes in ${inside.join(', ')}, inside the quiet window ${t.from}–${t.to}`);
        out.push(t as RecordTarget);
        break;
      }
      case 'armsGrowth': {
        const [actor, kind] = t.stock.split('.') as [string, 'conventional' | 'strategic'];
        const names = COUNTRY_NAMES[actor];
        const norm = (n: string) => n.replace(/\s+/g, ' ').trim();
        const pts = kind === 'conventional'
          ? sipri.filter((r) => r.country === names?.sipri && typeof r.milex_const2023_usd_m === 'number').map((r) => ({ year: r.year, value: r.milex_const2023_usd_m as number }))
          : fas.filter((r) => norm(r.country) === names?.fas).map((r) => ({ year: r.year, value: r.warheads }));
        const tr = pts.some((p) => p.year >= t.to) ? logTrend(pts, t.from, t.to) : null;
        if (tr && tr.n >= 8) out.push({ ...t, observed: round(tr.slope), observationSd: round(tr.se) } as RecordTarget);
        break;
      }
    }
  }
  return out;
}

const round = (x: number) => Number(x.toPrecision(4));
