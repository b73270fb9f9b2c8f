import { expApprox } from '../../math/expApprox.js';
import type { RandomSource } from '../../math/rng/index.js';
import { LAUNCH_DRAWS, sampleNegBinomial } from './campaigns.js';
import { DECISION_SLACK, orderedLogitBracketed, orderedLogitFromOdds, slackCutpoints } from './choice.js';
import { ladderOutcome, warProbability } from './ladder.js';
import { normalQuantile } from './perception.js';
import type { PreparedCrisis } from './prepare.js';
import { drawMonthInto, MONTH_CHUNK, StreamBank, type KeyedStreams } from './streams.js';

/*
 * One replication of the crisis model (DESIGN.md §3.2, docs/model.md), month by month. Every ordered dyad
 * (i, j) acts every month — status quo is an action — and takes exactly DYAD_STEPS generator steps of its own
 * stream (i·m + j), giving U1 the ordered-logit choice, U2 the ladder (clash, war, nuclear), U3 i's reading of j's
 * action toward i (streams.ts). The launch actor's own stream (i·m + i) gives LAUNCH_DRAWS uniforms a month. So a
 * lever on one dyad leaves every other dyad's draws unchanged, and common random numbers hold across policies.
 *
 * Month t:  1. launches n_t ~ NB(μ_t, α);  2. each dyad chooses from memories of month t − 1:
 *   u_ij = u⁰_ij + β2_i ln(θ_i/θ⁰_i)·h_ij + strategy response to H_ij;  a_ij = ordered logit(u_ij, U1);
 *   GRIT steps override; a clash replaces it when U2 < q_ij; exercises and launch months make the action at
 *   least posturing toward the target / adversaries; 3. memories: H_ij ← (1 − λ) H_ij + λ·perceived_ij / w_top.
 */

/** Per-run results, overwritten by each replication (no allocation per run). */
export interface RunRecord {
  /** Escalation score per month: sum of the weights of every dyad's action. */
  score: Float64Array;
  /** Action counts per dyad and category, [(i·m + j)·K + k]. */
  actions: Float64Array;
  /** Calendar years with at least one clash, per dyad and overall. */
  dyadClashYears: Int32Array;
  clashYears: number;
  clashes: number;
  /** Per dyad and calendar year, 1 if the dyad clashed that year: [(i·m + j)·years + y] (groups' clash-years). */
  clashYearFlags: Uint8Array;
  /** First month of war / nuclear use (0: none), and the ordered dyad i·m + j in which that war began (−1: none). */
  warMonth: number;
  warDyad: number;
  nuclearMonth: number;
  launches: number;
}

/** Scratch state of a replication, allocated once per batch. */
export interface Workspace {
  streams: StreamBank;
  /**
   * The per-dyad inputs of the monthly loop, interleaved ([d·DYAD_FIELDS + field], fields below), and those of
   * the memory update ([d·READER_FIELDS + field]): refreshed from the PreparedCrisis at the start of every
   * replication. One array read at a stride instead of a dozen side by side: V8 keeps a typed array's base and
   * length in registers only for a few arrays, and reloads the rest from the stack at every access.
   */
  dyad: Float64Array;
  reader: Float64Array;
  /** e^{κ_c} of the cutpoints and e^{κ_v} of the clash threshold, computed once. */
  expCutpoints: Float64Array;
  /** The same widened by ∓DECISION_SLACK (choice.ts: orderedLogitBracketed). */
  cutpointsBelow: Float64Array;
  cutpointsAbove: Float64Array;
  expClash: number;
  /**
   * A month's draws when runReplication is given streams other than `streams` (tests): filled through the
   * KeyedStreams interface in the loop's order, laid out as StreamBank.dyadBlock and launchBlock.
   */
  dyadBlock: Float64Array;
  launchBlock: Float64Array;
  /** The launch sampler's RandomSource: the month's launch uniforms in order. */
  launchSource: BlockSource;
  memory: Float64Array;
  action: Int32Array;
  gritStep: Uint8Array;
  gritCount: Int32Array;
  lastClashYear: Int32Array;
  /** The last calendar year with a clash in any dyad (−1: none yet). */
  lastYear: number;
  record: RunRecord;
}

/** A RandomSource reading a block of uniforms in order from `pos` (the month's launch draws). */
class BlockSource implements RandomSource {
  block: Float64Array = new Float64Array(0);
  pos = 0;
  nextDouble(): number {
    return this.block[this.pos++];
  }
}

/** Allocates the workspace for a prepared parameter set. */
export function createWorkspace(p: PreparedCrisis): Workspace {
  const mm = p.m * p.m;
  return {
    streams: new StreamBank(mm),
    dyad: new Float64Array(mm * DYAD_FIELDS),
    reader: new Float64Array(mm * READER_FIELDS),
    expCutpoints: p.cutpoints.map(Math.exp),
    cutpointsBelow: new Float64Array(p.cutpoints.length),
    cutpointsAbove: new Float64Array(p.cutpoints.length),
    expClash: Math.exp(p.clashThreshold),
    dyadBlock: new Float64Array(3 * mm * MONTH_CHUNK),
    launchBlock: new Float64Array(LAUNCH_DRAWS * MONTH_CHUNK),
    launchSource: new BlockSource(),
    memory: new Float64Array(mm),
    action: new Int32Array(mm),
    gritStep: new Uint8Array(mm),
    gritCount: new Int32Array(mm),
    lastClashYear: new Int32Array(mm),
    lastYear: -1,
    record: {
      score: new Float64Array(p.months),
      actions: new Float64Array(mm * p.weights.length),
      dyadClashYears: new Int32Array(mm),
      clashYearFlags: new Uint8Array(mm * Math.max(1, p.years)),
      clashYears: 0, clashes: 0, warMonth: 0, warDyad: -1, nuclearMonth: 0, launches: 0,
    },
  };
}

// Fields of Workspace.dyad: the propensity's static part, the threat term's exposure, the responses to remembered
// escalation and conciliation, the clash factor w_ij·h_ij·h_ji (0 when the dyad cannot clash), the GRIT share while a
// step runs (0 while paused or without GRIT: gritUpdate keeps it), and
// 1/0 flags for the exercise and launch floors (the action is at least posturing toward the target / adversaries).
const U0 = 0, EXPOSURE = 1, ESCALATION = 2, CONCILIATION = 3, CLASH = 4, GRIT = 5, EXERCISE_FLOOR = 6, LAUNCH_FLOOR = 7;
const DYAD_FIELDS = 8;
// Fields of Workspace.reader (i reading j): effective bias and spread, 1/0 if j's exercises against i are read at
// their scale, 1/0 if the dyad runs GRIT's state.
const BIAS = 0, SPREAD = 1, EXERCISE_READ = 2, GRIT_STATE = 3;
const READER_FIELDS = 4;

/** Copies the prepared per-dyad inputs into the workspace's interleaved tables (and the cutpoints' exponentials). */
function packInputs(p: PreparedCrisis, ws: Workspace): void {
  const { m, exerciser, exerciseTarget: target, launchActor: launcher, hostility } = p;
  const { dyad, reader } = ws;
  for (let c = 0; c < p.cutpoints.length; c++) ws.expCutpoints[c] = Math.exp(p.cutpoints[c]);
  slackCutpoints(ws.expCutpoints, ws.cutpointsBelow, ws.cutpointsAbove);
  ws.expClash = Math.exp(p.clashThreshold);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    const d = i * m + j, o = d * DYAD_FIELDS, r = d * READER_FIELDS;
    dyad[o + U0] = p.u0[d];
    dyad[o + EXPOSURE] = p.threatExposure[d];
    dyad[o + ESCALATION] = p.escalationWeight[d];
    dyad[o + CONCILIATION] = p.conciliationWeight[d];
    dyad[o + CLASH] = p.clashWeight[d] > 0 && p.friction[d] > 0 ? p.clashWeight[d] * p.friction[d] : 0;
    dyad[o + GRIT] = p.gritWeight[d];
    dyad[o + EXERCISE_FLOOR] = exerciser[i] === 1 && j === target ? 1 : 0;
    dyad[o + LAUNCH_FLOOR] = i === launcher && hostility[d] > 0 ? 1 : 0;
    reader[r + BIAS] = p.bias[d];
    reader[r + SPREAD] = p.spread[d];
    reader[r + EXERCISE_READ] = exerciser[j] === 1 && i === target ? 1 : 0;
    reader[r + GRIT_STATE] = p.gritWeight[d] > 0 && hostility[d] > 0 ? 1 : 0;
  }
}

/** Seeds every stream of the workspace for (seed, future, replication): stream k = streamFor(seed, future, replication, k). */
export function seedReplication(ws: Workspace, seed: number, future: number, replication: number): void {
  ws.streams.seed(seed, future, replication);
}

/**
 * Runs one replication with the workspace's streams (seeded by `seedReplication`), or any KeyedStreams (tests
 * give fixed sequences), and leaves its results in `ws.record`. Pure apart from writing into `ws`; allocation-free.
 * The month is split in two functions (choices, then memories) and the rare steps (a clash, a GRIT state change)
 * in functions of their own: V8 inlines into each optimised function only up to a budget of bytecode, and the
 * per-dyad helpers (the generator, `exp`, the normal quantile) must all fit in the loop that calls them, or each
 * call boxes its double result (docs/performance.md).
 */
export function runReplication(p: PreparedCrisis, ws: Workspace, streams: KeyedStreams = ws.streams): RunRecord {
  const { m, months, hostility, gritWeight } = p;
  const { record, gritStep } = ws;
  packInputs(p, ws);
  // The months' draws are made before their loops: they do not depend on the decisions (every dyad stream takes
  // DYAD_STEPS steps a month, the launch stream LAUNCH_DRAWS), and the bank makes MONTH_CHUNK months in one call.
  const bank = ws.streams, own = streams === bank;
  const draws = own ? bank.dyadBlock : ws.dyadBlock, launchSource = ws.launchSource;
  // A month's draws lie 3·size apart in the bank (StreamBank.fillMonths), which may hold more streams than m²
  // (a workspace reused for a smaller model); drawMonthInto lays ws.dyadBlock out at 3·m².
  const monthStride = own ? 3 * bank.size : 3 * m * m;
  const launchSlot = p.launchActor >= 0 ? p.launchActor * m + p.launchActor : -1;
  launchSource.block = own ? bank.launchBlock : ws.launchBlock;
  ws.memory.fill(0);
  ws.gritCount.fill(0);
  ws.lastClashYear.fill(-1);
  ws.lastYear = -1;
  for (let d = 0; d < m * m; d++) {
    gritStep[d] = gritWeight[d] > 0 && hostility[d] > 0 ? 1 : 0;
    ws.dyad[d * DYAD_FIELDS + GRIT] = gritStep[d] === 1 ? gritWeight[d] : 0; // the share of a running step (gritUpdate)
  }
  record.actions.fill(0);
  record.dyadClashYears.fill(0);
  record.clashYearFlags.fill(0);
  record.clashYears = 0;
  record.clashes = 0;
  record.warMonth = 0;
  record.warDyad = -1;
  record.nuclearMonth = 0;
  record.launches = 0;
  for (let t = 1; t <= months; t++) {
    const month = (t - 1) % MONTH_CHUNK;
    if (month === 0) {
      const count = Math.min(MONTH_CHUNK, months - t + 1);
      if (own) bank.fillMonths(m, launchSlot, count);
      else for (let q = 0; q < count; q++) drawMonthInto(streams, m, launchSlot, ws.dyadBlock, 3 * m * m * q, ws.launchBlock, LAUNCH_DRAWS * q);
    }
    let launches = 0;
    if (launchSlot >= 0) {
      launchSource.pos = month * LAUNCH_DRAWS;
      launches = sampleNegBinomial(p.launchMean[t - 1], p.launchDispersion, launchSource);
      record.launches += launches;
    }
    record.score[t - 1] = chooseActions(p, ws, draws, month * monthStride, t, launches);
    updateMemories(p, ws, draws, month * monthStride, t);
  }
  return record;
}

/**
 * Month t's action of every ordered dyad, from the memories of month t − 1 and the month's draws
 * ([base + 3d + q]: U1, U2, U3 of dyad d); returns the month's escalation score.
 */
function chooseActions(p: PreparedCrisis, ws: Workspace, draws: Float64Array, base: number, t: number, launches: number): number {
  const { m, weights, threatTerm } = p;
  const { dyad, memory, action, expCutpoints, cutpointsBelow, cutpointsAbove, expClash } = ws;
  const counts = ws.record.actions, K = weights.length, posturing = p.posturing;
  const exercise = p.exerciseScale[t - 1] > 0 ? 1 : 0, launching = launches > 0 ? 1 : 0;
  let score = 0;
  for (let i = 0; i < m; i++) {
    const threat = threatTerm[(t - 1) * m + i];
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const d = i * m + j, o = d * DYAD_FIELDS;
      const U1 = draws[base + 3 * d], U2 = draws[base + 3 * d + 1];
      const H = memory[d];
      const u = dyad[o + U0] + dyad[o + EXPOSURE] * threat + (H > 0 ? dyad[o + ESCALATION] : dyad[o + CONCILIATION]) * H;
      // The decisions compare e^{−u} against thresholds; an approximation settles them unless one is too close
      // to call, and then Math.exp does (DECISION_SLACK): the same choices and clashes as with e^{−u} throughout.
      const x = expApprox(-u);
      let a: number;
      let hazard = 0;
      // A running GRIT step is taken with probability g (the GRIT share of the dyad's rule, 1 under full
      // adherence): on U1 < g; otherwise U1 rescaled to [0, 1) chooses as usual, so g = 0 leaves U1 untouched.
      const g = dyad[o + GRIT];
      if (g > 0 && U1 < g) a = 0;
      else {
        const V1 = g > 0 ? (U1 - g) / (1 - g) : U1;
        a = orderedLogitBracketed(V1, 1 - V1, x, cutpointsBelow, cutpointsAbove);
        if (a < 0) a = orderedLogitFromOdds(V1 / (1 - V1), Math.exp(-u), expCutpoints);
        // Clash hazard w_ij h_ij h_ji σ(u − κ_v) = w_ij h_ij h_ji / (1 + e^{κ_v} e^{−u}) (ladder.ts). Only computed
        // when U2 may fall below it: U2·(1 + e^{κ_v}·x) ≥ w·(1 + slack) proves U2 ≥ the exact hazard.
        const w = dyad[o + CLASH];
        if (w > 0 && U2 * (1 + expClash * x) < w * (1 + DECISION_SLACK)) hazard = w / (1 + expClash * Math.exp(-u));
      }
      if (U2 < hazard) a = clash(p, ws, t, d, j * m + i, U2, hazard, a);
      // Exercises and launch months make the action at least posturing (conditions first: they are fixed for the
      // dyad and month, so the branch predicts; the action's order is random).
      else if (exercise * dyad[o + EXERCISE_FLOOR] + launching * dyad[o + LAUNCH_FLOOR] > 0 && a < posturing) a = posturing;
      action[d] = a;
      counts[d * K + a]++;
      score += weights[a];
    }
  }
  return score;
}

/**
 * Dyad d's ladder in month t (d's uniform U2 fell below its clash hazard): the rung reached, recorded; returns the
 * action it takes — violent escalation, nuclear use, or the chosen action `a` when the ladder stops at rung 0.
 */
function clash(p: PreparedCrisis, ws: Workspace, t: number, d: number, reverse: number, U2: number, hazard: number, a: number): number {
  const { record, memory } = ws;
  const pWar = record.warMonth === 0 ? warProbability(p.warBase[d], p.tensionEffect, Math.max(0, 0.5 * (memory[d] + memory[reverse]))) : 0;
  const rung = ladderOutcome(U2, hazard, pWar, p.nuclearGivenWar);
  if (rung === 0) return a;
  const year = p.yearOf[t - 1];
  record.clashes++;
  if (ws.lastClashYear[d] !== year) {
    ws.lastClashYear[d] = year;
    record.dyadClashYears[d]++;
    record.clashYearFlags[d * p.years + year] = 1;
  }
  if (ws.lastYear !== year) {
    ws.lastYear = year;
    record.clashYears++;
  }
  if (rung >= 2) {
    record.warMonth = t;
    record.warDyad = d;
  }
  if (rung === 3) {
    record.nuclearMonth = t;
    return p.nuclear;
  }
  return p.violent;
}

/**
 * Memories after month t: i reads j's action toward i (exercises read at their scale), with i's bias and spread,
 * from the dyad's reading uniform U3 (draws[base + 3d + 2]).
 */
function updateMemories(p: PreparedCrisis, ws: Workspace, draws: Float64Array, base: number, t: number): void {
  const { m, weights } = p;
  const { reader, memory, action } = ws;
  const lambda = p.memory, unit = p.scoreUnit, wPost = weights[p.posturing], violent = p.violent;
  const exScale = p.exerciseScale[t - 1], exercise = exScale > 0 ? 1 : 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const d = i * m + j, r = d * READER_FIELDS;
      const seenAction = action[j * m + i];
      let truth = weights[seenAction];
      if (exercise * reader[r + EXERCISE_READ] > 0) truth += (exScale - 1) * wPost;
      const sp = reader[r + SPREAD];
      const seen = truth + reader[r + BIAS] + (sp > 0 ? sp * normalQuantile(draws[base + 3 * d + 2]) : 0); // perception.ts: perceive
      memory[d] += lambda * (seen / unit - memory[d]);
      if (reader[r + GRIT_STATE] > 0) gritUpdate(ws, p, d, seen >= wPost / 2 || seenAction >= violent);
    }
  }
}

/** GRIT's state: a step runs while reciprocated; `gritPatience` unreciprocated months pause it for `gritPause` months. */
function gritUpdate(ws: Workspace, p: PreparedCrisis, d: number, unreciprocated: boolean): void {
  if (ws.gritStep[d] === 1) {
    ws.gritCount[d] = unreciprocated ? ws.gritCount[d] + 1 : 0;
    if (ws.gritCount[d] >= p.gritPatience) {
      ws.gritStep[d] = 0;
      ws.dyad[d * DYAD_FIELDS + GRIT] = 0;
      ws.gritCount[d] = 0;
    }
  } else if (++ws.gritCount[d] >= p.gritPause) {
    ws.gritStep[d] = 1;
    ws.dyad[d * DYAD_FIELDS + GRIT] = p.gritWeight[d];
    ws.gritCount[d] = 0;
  }
}

/**
 * One seeded run of the crisis model for the library (DESIGN.md §6 `runCrisis`): monthly escalation scores,
 * action counts by dyad and category, clash-years, first months of war and nuclear use, launches.
 * Example: `runCrisis(prepareCrisis(crisisScenario(korea), 120), { seed: 1 })`.
 */
export function runCrisis(p: PreparedCrisis, opts: { seed: number; future?: number; replication?: number }): RunRecord {
  const ws = createWorkspace(p);
  seedReplication(ws, opts.seed, opts.future ?? 0, opts.replication ?? 0);
  const r = runReplication(p, ws);
  return { ...r, score: r.score.slice(), actions: r.actions.slice(), dyadClashYears: r.dyadClashYears.slice(), clashYearFlags: r.clashYearFlags.slice() };
}
