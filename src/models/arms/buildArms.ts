import { paramValue } from '../../scenario/param.js';
import type { CapabilityKind, Relation, Scenario } from '../../scenario/schema.js';

/**
 * The arms model of DESIGN.md §3.1 in matrix form, built once per parameter set: the state layout, the threat
 * and protection operators, and the linear system dx/dt = A x + b it gives around the base year.
 *
 *   f_il = min(1, h_il + κ Σ_j h_ij w_jl)                 fear: direct, or through l's alignment with i's enemies
 *   θ_i  = Σ_l (1 − r_il) f_il s_l Σ_k c_k x_lk            threat        (each threatening stock counted once)
 *   π_i  = Σ_j w_ij s_j Σ_k c_k x_jk                       protection
 *   dx_ik/dt = x⁰_ik [g_ik + ε_ik (θ_i/θ⁰_i − 1) − φ_ik (π_i/π⁰_i − 1) + τ_ik] − a_ik (x_ik − x⁰_ik)
 *
 * τ_ik = Σ_j rate_ji w_ij: technology transfer from aligned partners (a constant while alignment is fixed).
 * All per-actor and per-pair parameters are read into arrays here, once, never inside a time loop.
 */
export interface ArmsSystem {
  /** State labels in order: `ACTOR.kind`, actor-major (docs/conventions.md); `ACTOR` alone for the linear form. */
  labels: string[];
  /** Actor index of each state entry. */
  actorOf: Int32Array;
  kindOf: (CapabilityKind | 'linear')[];
  actors: string[];
  x0: Float64Array;
  /** n × n row-major. */
  A: Float64Array;
  b: Float64Array;
  /** Threat operator: θ = T x, m × n row-major (m actors). */
  T: Float64Array;
  /** Protection operator: π = P x, m × n. */
  P: Float64Array;
  theta0: Float64Array;
  pi0: Float64Array;
  /** The structural parameters the system was built from (for the non-linear parts). */
  params: ArmsParams;
}

export interface ArmsParams {
  m: number;
  hostility: Float64Array; // m × m, [i*m + l]
  alignment: Float64Array;
  treatyFloor: Float64Array;
  assurance: Float64Array;
  alignmentRate: Float64Array;
  share: Float64Array; // m
  weight: Float64Array; // n: c_k of each state entry
  growth: Float64Array; // n
  elasticity: Float64Array;
  reliance: Float64Array;
  fatigue: Float64Array;
  cohesion: number;
  psi: number;
  endogenous: boolean;
  nonNegative: boolean;
  /** Transfers: recipient state index and actor index, donor actor index, rate per year per unit of alignment. */
  transfers: { state: number; recipient: number; donor: number; rate: number }[];
}

const kinds: CapabilityKind[] = ['conventional', 'strategic'];

/** Reads the structural parameters of a scenario (values as written, no sampling). */
export function armsParams(s: Scenario): { params: ArmsParams; labels: string[]; actorOf: Int32Array; kindOf: CapabilityKind[]; x0: Float64Array } {
  const actors = s.actors.map((a) => a.id);
  const m = actors.length;
  const labels: string[] = [];
  const actorOfList: number[] = [];
  const kindOf: CapabilityKind[] = [];
  const x0List: number[] = [];
  const stockParams: { g: number; e: number; phi: number; a: number }[] = [];
  s.actors.forEach((a, i) => {
    for (const k of kinds) {
      const st = a.capabilities?.[k];
      if (!st) continue;
      labels.push(`${a.id}.${k}`);
      actorOfList.push(i);
      kindOf.push(k);
      x0List.push(paramValue(st.value));
      stockParams.push({ g: paramValue(st.growth), e: paramValue(st.elasticity), phi: paramValue(st.reliance), a: paramValue(st.fatigue) });
    }
  });
  const n = labels.length;
  // Each ordered pair's relation, looked up once (findRelation's first match: a direct entry or a mutual one
  // written the other way round), instead of a scan of the relations per pair and field.
  const relations = pairRelations(s, actors);
  const pair = (field: 'hostility' | 'alignment' | 'treatyFloor' | 'assurance' | 'alignmentRate', fallback = 0) => {
    const out = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) out[i * m + j] = paramValue(relations[i * m + j]?.[field], fallback);
    return out;
  };
  const eaRate = paramValue(s.arms?.endogenousAlignment?.rate, 0.2);
  const weights = s.arms?.capabilityWeights;
  const cw = { conventional: paramValue(weights?.conventional, 1), strategic: paramValue(weights?.strategic, 0) };
  const transfers = (s.arms?.transfers ?? []).flatMap((t) => {
    const state = labels.indexOf(`${t.to}.${t.kind}`);
    return state < 0 ? [] : [{ state, recipient: actors.indexOf(t.to), donor: actors.indexOf(t.from), rate: paramValue(t.rate) }];
  });
  return {
    labels,
    actorOf: Int32Array.from(actorOfList),
    kindOf,
    x0: Float64Array.from(x0List),
    params: {
      m,
      hostility: pair('hostility'),
      alignment: pair('alignment'),
      treatyFloor: pair('treatyFloor'),
      assurance: pair('assurance'),
      alignmentRate: pair('alignmentRate', eaRate),
      share: Float64Array.from(s.actors.map((a) => paramValue(a.theatreShare, 1))),
      weight: Float64Array.from(kindOf.map((k) => cw[k])),
      growth: Float64Array.from(stockParams.map((p) => p.g)),
      elasticity: Float64Array.from(stockParams.map((p) => p.e)),
      reliance: Float64Array.from(stockParams.map((p) => p.phi)),
      fatigue: Float64Array.from(stockParams.map((p) => p.a)),
      cohesion: paramValue(s.arms?.cohesion, 0.5),
      psi: paramValue(s.arms?.endogenousAlignment?.psi, 1),
      endogenous: s.arms?.endogenousAlignment?.enabled ?? false,
      nonNegative: s.arms?.nonNegative ?? true,
      transfers,
    },
  };
}

/**
 * `findRelation(s, actors[i], actors[j])` for every ordered pair at once, at [i·m + j] (undefined on the
 * diagonal): the first relation, in the scenario's order, written i → j or mutual and written j → i.
 */
export function pairRelations(s: Scenario, actors: readonly string[]): (Relation | undefined)[] {
  const m = actors.length;
  // Positions by id (a list, should two actors share an id: findRelation would answer both alike).
  const at = new Map<string, number[]>();
  actors.forEach((a, i) => at.set(a, [...(at.get(a) ?? []), i]));
  const out = new Array<Relation | undefined>(m * m);
  const claim = (from: string, to: string, r: Relation) => {
    for (const i of at.get(from) ?? []) for (const j of at.get(to) ?? []) if (i !== j && out[i * m + j] === undefined) out[i * m + j] = r;
  };
  for (const r of s.relations) {
    claim(r.from, r.to, r);
    if (r.mutual) claim(r.to, r.from, r);
  }
  return out;
}

/** Fear f_il = min(1, h_il + κ Σ_j h_ij w_jl), m × m, for the given alignment matrix. */
export function fearMatrix(p: ArmsParams, alignment: Float64Array = p.alignment): Float64Array {
  return fearInto(p, alignment, new Float64Array(p.m * p.m));
}

/**
 * Each actor's hostile partners, in increasing order: j with h_ij ≠ 0 (j ≠ i), row i at partner[start[i] …
 * start[i + 1]). Only these terms of the bloc sum Σ_j h_ij w_jl can be non-zero.
 */
export interface HostilityIndex {
  start: Int32Array;
  partner: Int32Array;
}

export function hostilityIndex(p: ArmsParams): HostilityIndex {
  const { m, hostility: h } = p;
  const start = new Int32Array(m + 1);
  const partner: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (j !== i && h[i * m + j] !== 0) partner.push(j);
    start[i + 1] = partner.length;
  }
  return { start, partner: Int32Array.from(partner) };
}

/**
 * `fearMatrix` written into `f` (m × m; its diagonal is left as it is: zero in a fresh array). With `hostile`
 * (hostilityIndex of the same p) the bloc sum skips the zero hostilities: the same sum bit for bit, since
 * h_ij w_jl is ±0 when h_ij = 0 and a sum that starts at +0 is never −0, so adding ±0 leaves it unchanged. That
 * holds for finite alignments only: with a non-finite one (0·∞ is NaN) the full sum is taken.
 */
export function fearInto(p: ArmsParams, alignment: Float64Array, f: Float64Array, hostile?: HostilityIndex): Float64Array {
  const { m, hostility: h, cohesion: kappa } = p;
  if (hostile && allFinite(alignment, m * m)) {
    const { start, partner } = hostile;
    for (let i = 0; i < m; i++) {
      const from = start[i], to = start[i + 1];
      for (let l = 0; l < m; l++) {
        if (l === i) continue;
        let bloc = 0;
        for (let e = from; e < to; e++) {
          const j = partner[e];
          if (j !== l) bloc += h[i * m + j] * alignment[j * m + l];
        }
        f[i * m + l] = Math.min(1, h[i * m + l] + kappa * bloc);
      }
    }
    return f;
  }
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      if (l === i) continue;
      let bloc = 0;
      for (let j = 0; j < m; j++) if (j !== i && j !== l) bloc += h[i * m + j] * alignment[j * m + l];
      f[i * m + l] = Math.min(1, h[i * m + l] + kappa * bloc);
    }
  }
  return f;
}

function allFinite(a: Float64Array, length: number): boolean {
  for (let k = 0; k < length; k++) if (!Number.isFinite(a[k])) return false;
  return true;
}

/** The threat (T) and protection (P) operators for a given alignment matrix: θ = T x, π = P x. */
export function operators(p: ArmsParams, actorOf: Int32Array, alignment: Float64Array = p.alignment): { T: Float64Array; P: Float64Array } {
  const n = actorOf.length;
  const ws = { f: new Float64Array(p.m * p.m), T: new Float64Array(p.m * n), P: new Float64Array(p.m * n) };
  operatorsInto(p, actorOf, alignment, ws);
  return { T: ws.T, P: ws.P };
}

/**
 * `operators` written into preallocated arrays (f: m × m fear, T and P: m × n), for loops that rebuild them at
 * every evaluation; `P` may be omitted when only the threat is wanted, and `hostile` (hostilityIndex(p)) makes
 * the fear's bloc sums skip zero hostilities. The entries of an actor's own stocks are
 * never written: zero in fresh arrays, they stay zero. The arithmetic is that of `operators`, term for term.
 */
export function operatorsInto(p: ArmsParams, actorOf: Int32Array, alignment: Float64Array, out: { f: Float64Array; T: Float64Array; P?: Float64Array; hostile?: HostilityIndex }): void {
  const { m, assurance: r, share: s, weight: c } = p;
  const n = actorOf.length;
  const { f, T, P } = out;
  fearInto(p, alignment, f, out.hostile);
  for (let i = 0; i < m; i++) {
    for (let q = 0; q < n; q++) {
      const l = actorOf[q];
      if (l === i) continue;
      T[i * n + q] = (1 - r[i * m + l]) * f[i * m + l] * s[l] * c[q];
      if (P) P[i * n + q] = alignment[i * m + l] * s[l] * c[q];
    }
  }
}

/** y = M x for an r × n row-major M. */
export function matVec(M: Float64Array, x: Float64Array, rows: number, out = new Float64Array(rows)): Float64Array {
  const n = x.length;
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    for (let q = 0; q < n; q++) acc += M[i * n + q] * x[q];
    out[i] = acc;
  }
  return out;
}

/**
 * Builds the linear system around the base year. `reference` supplies x⁰, θ⁰ and π⁰ when the system is rebuilt
 * after a timeline change (elasticities stay relative to the base year, not to the changed world).
 */
export function buildArms(s: Scenario, reference?: Pick<ArmsSystem, 'x0' | 'theta0' | 'pi0'>): ArmsSystem {
  const actors = s.actors.map((a) => a.id);
  const lin = s.arms?.linear;
  if (lin) return linearSystem(s, actors);
  const { params: p, labels, actorOf, kindOf, x0: x0own } = armsParams(s);
  const x0 = reference?.x0 ?? x0own;
  const n = labels.length;
  const { T, P } = operators(p, actorOf);
  const theta0 = reference?.theta0 ?? matVec(T, x0, p.m);
  const pi0 = reference?.pi0 ?? matVec(P, x0, p.m);
  const A = new Float64Array(n * n);
  const b = new Float64Array(n);
  const transfer = transferRates(p, n);
  for (let q = 0; q < n; q++) {
    const i = actorOf[q];
    const xq = x0[q];
    const eps = p.elasticity[q], phi = p.reliance[q], a = p.fatigue[q];
    // Elasticity terms exist only where the base threat (protection) is positive: a ratio to zero means nothing.
    const et = theta0[i] > 0 ? (xq * eps) / theta0[i] : 0;
    const ep = pi0[i] > 0 ? (xq * phi) / pi0[i] : 0;
    for (let r = 0; r < n; r++) A[q * n + r] = et * T[i * n + r] - ep * P[i * n + r];
    A[q * n + q] -= a;
    b[q] = xq * (p.growth[q] + transfer[q] - (theta0[i] > 0 ? eps : 0) + (pi0[i] > 0 ? phi : 0)) + a * xq;
  }
  return { labels, actorOf, kindOf, actors, x0: Float64Array.from(x0own), A, b, T, P, theta0, pi0, params: p };
}

/** τ_q = Σ rate × w(recipient, donor) for each state entry, at the given alignment. */
export function transferRates(p: ArmsParams, n: number, alignment: Float64Array = p.alignment, out = new Float64Array(n)): Float64Array {
  out.fill(0);
  for (const t of p.transfers) out[t.state] += t.rate * alignment[t.recipient * p.m + t.donor];
  return out;
}

function linearSystem(s: Scenario, actors: string[]): ArmsSystem {
  const lin = s.arms!.linear!;
  const n = actors.length;
  const A = Float64Array.from(lin.A.flat());
  const x0 = Float64Array.from(lin.x0);
  const empty = new Float64Array(0);
  return {
    labels: [...actors],
    actorOf: Int32Array.from(actors.map((_, i) => i)),
    kindOf: actors.map(() => 'linear' as const),
    actors,
    x0,
    A,
    b: Float64Array.from(lin.g),
    T: empty,
    P: empty,
    theta0: new Float64Array(n),
    pi0: new Float64Array(n),
    params: undefined as unknown as ArmsParams,
  };
}
