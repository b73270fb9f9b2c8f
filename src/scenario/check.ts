import { editDistance, resolvePath } from './paths.js';
import { escalAItionCatalog } from './catalog.js';

const DEFAULT_CATALOG_SIZE = escalAItionCatalog.length;

/** One problem found in a scenario: where (a path into the document), what, and how to fix it. */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
  hint?: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/**
 * Cross-reference checks the schema cannot express: actor ids, lever ids, parameter paths, source ids, matrix
 * shapes and dates. It reads the raw document defensively, so it runs even when the schema found problems and
 * every issue is reported at once.
 */
export function checkReferences(doc: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!isObj(doc)) return issues;
  const add = (path: (string | number)[], message: string, hint?: string) => issues.push({ path, message, hint });

  const actors = arr(doc.actors).map((a) => (isObj(a) ? str(a.id) : undefined));
  const actorIds = actors.filter((x): x is string => x !== undefined);
  const knownActors = `known actors: ${actorIds.join(', ') || '(none)'}`;
  duplicates(actors, (i, v) => add(['actors', i, 'id'], `duplicate actor id '${v}'`, 'each actor appears once'));
  const actorRef = (path: (string | number)[], v: unknown) => {
    if (typeof v === 'string' && !actorIds.includes(v)) add(path, `unknown actor '${v}'`, suggest(v, actorIds) ?? knownActors);
  };

  const sourceIds = arr(doc.sources).map((s) => (isObj(s) ? str(s.id) : undefined));
  duplicates(sourceIds, (i, v) => add(['sources', i, 'id'], `duplicate source id '${v}'`));
  walk(doc, [], (path, key, value) => {
    if (key === 'source' && typeof value === 'string' && path[0] !== 'sources' && !sourceIds.includes(value)) {
      add(path, `source '${value}' is not listed in \`sources\``, suggest(value, sourceIds.filter((x): x is string => !!x)) ?? 'add it to `sources` with its title and year');
    }
  });

  const pairs = new Map<string, number>();
  arr(doc.relations).forEach((r, i) => {
    if (!isObj(r)) return;
    actorRef(['relations', i, 'from'], r.from);
    actorRef(['relations', i, 'to'], r.to);
    if (r.from !== undefined && r.from === r.to) add(['relations', i, 'to'], `a relation needs two different actors (got ${String(r.from)} → ${String(r.to)})`);
    const keys = [`${String(r.from)}>${String(r.to)}`, ...(r.mutual === true ? [`${String(r.to)}>${String(r.from)}`] : [])];
    for (const k of keys) {
      if (pairs.has(k)) add(['relations', i], `relation ${k.replace('>', ' → ')} is given twice (also relations[${pairs.get(k)}])`, 'merge the two entries');
      else pairs.set(k, i);
    }
  });

  const arms = isObj(doc.arms) ? doc.arms : undefined;
  if (arms && isObj(arms.linear)) checkLinear(arms.linear, actorIds.length, add);
  arr(arms?.transfers).forEach((t, i) => {
    if (!isObj(t)) return;
    actorRef(['arms', 'transfers', i, 'from'], t.from);
    actorRef(['arms', 'transfers', i, 'to'], t.to);
  });

  const pathRef = (path: (string | number)[], v: unknown) => {
    if (typeof v !== 'string') return;
    const r = resolvePath(v, actorIds);
    if ('error' in r) add(path, r.error, r.hint);
  };
  const start = str(doc.start) ?? str(doc.asOf);
  for (const key of ['asOf', 'start'] as const) {
    const d = str(doc[key]);
    if (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !realDate(d)) add([key], `'${d}' is not a calendar date`);
  }
  arr(doc.timeline).forEach((e, i) => {
    if (!isObj(e)) return;
    const date = str(e.date);
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !realDate(date)) add(['timeline', i, 'date'], `'${date}' is not a calendar date`);
    if (e.source === undefined && e.assumption === undefined) add(['timeline', i], 'an event needs a `source` (or, for a scheduled one, an `assumption`)');
    if (date && start && date < start) {
      if (Array.isArray(e.changes) && e.changes.length)
        add(['timeline', i, 'changes'], `event of ${date} lies before start ${start} but claims to change parameters`, 'fold its effect into the base values, or date it on or after `start`');
      if (e.scheduled === true) add(['timeline', i, 'scheduled'], `a scheduled event must lie after start ${start} (it is dated ${date})`);
    }
    const end = str(e.endDate);
    if (date && end && end < date) add(['timeline', i, 'endDate'], `endDate ${end} is before date ${date}`);
    arr(e.changes).forEach((c, j) => isObj(c) && pathRef(['timeline', i, 'changes', j, 'path'], c.path));
  });

  const crisis = isObj(doc.crisis) ? doc.crisis : undefined;
  if (crisis) {
    if (isObj(crisis.actors)) for (const k of Object.keys(crisis.actors)) actorRef(['crisis', 'actors', k], k);
    if (isObj(crisis.launches)) actorRef(['crisis', 'launches', 'actor'], crisis.launches.actor);
    if (isObj(crisis.exercises)) {
      arr(crisis.exercises.by).forEach((a, i) => actorRef(['crisis', 'exercises', 'by', i], a));
      actorRef(['crisis', 'exercises', 'target'], crisis.exercises.target);
    }
    arr(crisis.patrons).forEach((p, i) => {
      if (!isObj(p)) return;
      actorRef(['crisis', 'patrons', i, 'patron'], p.patron);
      actorRef(['crisis', 'patrons', i, 'client'], p.client);
    });
    const seenPair = new Map<string, string>();
    arr(crisis.groups).forEach((g, i) => {
      if (!isObj(g)) return;
      arr(g.pairs).forEach((pair, k) => {
        const [a, b] = arr(pair);
        actorRef(['crisis', 'groups', i, 'pairs', k, 0], a);
        actorRef(['crisis', 'groups', i, 'pairs', k, 1], b);
        if (typeof a !== 'string' || typeof b !== 'string') return;
        if (a === b) add(['crisis', 'groups', i, 'pairs', k], `a pair needs two different actors, got ${a}–${b}`);
        const key = [a, b].sort().join('–');
        const other = seenPair.get(key);
        if (other !== undefined) add(['crisis', 'groups', i, 'pairs', k], `the pair ${key} is already in group '${other}'`, 'groups are disjoint: each pair belongs to one group at most');
        else seenPair.set(key, str(g.id) ?? String(i));
      });
    });
    const cuts = arr(crisis.cutpoints);
    for (let i = 1; i < cuts.length; i++) {
      if (typeof cuts[i] === 'number' && typeof cuts[i - 1] === 'number' && (cuts[i] as number) <= (cuts[i - 1] as number))
        add(['crisis', 'cutpoints', i], 'cutpoints must increase');
    }
  }

  const leverIds = arr(doc.levers).map((l) => (isObj(l) ? str(l.id) : undefined));
  duplicates(leverIds, (i, v) => add(['levers', i, 'id'], `duplicate lever id '${v}'`));
  arr(doc.levers).forEach((l, i) => isObj(l) && pathRef(['levers', i, 'path'], l.path));
  const knownLevers = leverIds.filter((x): x is string => !!x);

  duplicates(arr(doc.policies).map((p) => (isObj(p) ? str(p.id) : undefined)), (i, v) => add(['policies', i, 'id'], `duplicate policy id '${v}'`));
  arr(doc.policies).forEach((p, i) => {
    if (!isObj(p)) return;
    arr(p.changes).forEach((c, j) => {
      if (isObj(c) && typeof c.lever === 'string' && !knownLevers.includes(c.lever))
        add(['policies', i, 'changes', j, 'lever'], `unknown lever '${c.lever}'`, suggest(c.lever, knownLevers) ?? `known levers: ${knownLevers.join(', ') || '(none: declare them under `levers`)'}`);
    });
    if (isObj(p.strategies)) for (const [k, v] of Object.entries(p.strategies)) {
      actorRef(['policies', i, 'strategies', k], k);
      if (isObj(v)) arr(v.targets).forEach((t, j) => typeof t === 'string' && actorRef(['policies', i, 'strategies', k, 'targets', j], t));
    }
  });

  const unc = isObj(doc.uncertainties) ? doc.uncertainties : undefined;
  arr(unc?.structural).forEach((s, i) => {
    if (!isObj(s)) return;
    const alts = arr(s.alternatives).map((a) => (isObj(a) ? str(a.id) : undefined));
    duplicates(alts, (j, v) => add(['uncertainties', 'structural', i, 'alternatives', j, 'id'], `duplicate alternative '${v}'`));
    if (typeof s.default === 'string' && !alts.includes(s.default))
      add(['uncertainties', 'structural', i, 'default'], `default '${s.default}' is not one of the alternatives`, `alternatives: ${alts.join(', ')}`);
    arr(s.alternatives).forEach((a, j) => {
      if (!isObj(a)) return;
      arr(a.changes).forEach((c, k) => isObj(c) && pathRef(['uncertainties', 'structural', i, 'alternatives', j, 'changes', k, 'path'], c.path));
      if (isObj(a.strategies)) for (const k of Object.keys(a.strategies)) actorRef(['uncertainties', 'structural', i, 'alternatives', j, 'strategies', k], k);
    });
  });

  // The record's targets name groups, pairs and stocks of this scenario.
  const groupIds = arr(crisis?.groups).map((g) => (isObj(g) ? str(g.id) : undefined)).filter((x): x is string => !!x);
  const record = isObj(doc.record) ? doc.record : undefined;
  arr(record?.targets).forEach((g, i) => {
    if (!isObj(g)) return;
    const at = (k: string | number, ...rest: (string | number)[]) => ['record', 'targets', i, k, ...rest];
    if (typeof g.group === 'string' && !groupIds.includes(g.group)) add(at('group'), `unknown group '${g.group}'`, `groups are declared in crisis.groups: ${groupIds.join(', ') || '(none)'}`);
    if (g.kind === 'clashYears' && (g.group === undefined) === (g.pair === undefined)) add(at('kind'), 'a clashYears target names exactly one of `group` or `pair`');
    arr(g.pair).forEach((a, k) => actorRef(at('pair', k), a));
    if (typeof g.stock === 'string') {
      const [actor, kind] = g.stock.split('.');
      const a = arr(doc.actors).find((x) => isObj(x) && x.id === actor);
      if (!a) actorRef(at('stock'), actor);
      else if (!(isObj(a) && isObj(a.capabilities) && kind in a.capabilities)) add(at('stock'), `${actor} has no ${kind} capability`);
    }
    if (typeof g.from === 'number' && typeof g.to === 'number' && g.to < g.from) add(at('to'), `window ends (${g.to}) before it starts (${g.from})`);
    if (typeof g.from === 'string' && typeof g.to === 'string' && g.to < g.from) add(at('to'), `window ends (${g.to}) before it starts (${g.from})`);
  });
  checkRunnable(doc, add);
  return issues;
}

/**
 * What the crisis model needs beyond the schema, so that a scenario that validates can be run and compared: a
 * catalog and cutpoints the ordered logit can use (the crisis model's own checks, stated here for validate).
 */
function checkRunnable(doc: Obj, add: (p: (string | number)[], m: string, h?: string) => void) {
  const crisis = isObj(doc.crisis) ? doc.crisis : undefined;
  if (!crisis) return;
  const catalog = Array.isArray(crisis.catalog) ? crisis.catalog : undefined;
  if (catalog) {
    if (catalog.length < 4) add(['crisis', 'catalog'], `the crisis catalog needs at least 4 categories (2 non-violent, violent, nuclear), got ${catalog.length}`, 'list the categories from the most cooperative to nuclear use');
    const w = catalog.map((c) => (isObj(c) && typeof c.weight === 'number' ? c.weight : NaN));
    for (let k = 1; k < w.length; k++) {
      if (!Number.isNaN(w[k]) && !Number.isNaN(w[k - 1]) && !(w[k] > w[k - 1])) add(['crisis', 'catalog', k, 'weight'], `catalog weights must increase: ${w[k]} after ${w[k - 1]}`, 'the catalog is an escalation scale, ordered from the least to the most escalatory');
    }
  }
  const cuts = Array.isArray(crisis.cutpoints) ? (crisis.cutpoints as unknown[]) : undefined;
  if (cuts) {
    const nonViolent = (catalog?.length ?? DEFAULT_CATALOG_SIZE) - 2;
    if (cuts.length !== nonViolent - 1) add(['crisis', 'cutpoints'], `crisis.cutpoints needs ${nonViolent - 1} values (one between each pair of the ${nonViolent} non-violent categories), got ${cuts.length}`);
    // A cutpoint is a number or an annotated value; sampled ones must keep their order in every future, so each
    // range must lie above the previous cutpoint's range (or value).
    const at = (c: unknown) => (typeof c === 'number' ? { lo: c, hi: c } : isObj(c) && typeof c.value === 'number' ? (Array.isArray(c.range) && typeof c.range[0] === 'number' && typeof c.range[1] === 'number' ? { lo: c.range[0], hi: c.range[1] } : { lo: c.value, hi: c.value }) : undefined);
    const value = (c: unknown) => (typeof c === 'number' ? c : isObj(c) && typeof c.value === 'number' ? c.value : undefined);
    cuts.forEach((c, k) => {
      if (k === 0) return;
      const v = value(c), pv = value(cuts[k - 1]), r = at(c), pr = at(cuts[k - 1]);
      if (v !== undefined && pv !== undefined && !(v > pv)) add(['crisis', 'cutpoints', k], 'crisis.cutpoints must increase');
      else if (r && pr && !(r.lo > pr.hi)) add(['crisis', 'cutpoints', k], `the range of cutpoint ${k} starts at ${r.lo}, not above the previous cutpoint's upper end ${pr.hi}`, 'sampled cutpoints must stay in order in every future: make the ranges disjoint and increasing');
    });
  }
}

function checkLinear(lin: Obj, n: number, add: (p: (string | number)[], m: string, h?: string) => void) {
  const A = arr(lin.A);
  if (Array.isArray(lin.A) && A.length !== n) add(['arms', 'linear', 'A'], `A has ${A.length} rows but there are ${n} actors`, 'A is n×n with rows and columns in the order of `actors`');
  A.forEach((row, i) => {
    if (Array.isArray(row) && row.length !== A.length) add(['arms', 'linear', 'A', i], `A is not square: row ${i} has ${row.length} entries, A has ${A.length} rows`);
  });
  for (const k of ['g', 'x0'] as const) {
    if (Array.isArray(lin[k]) && (lin[k] as unknown[]).length !== n) add(['arms', 'linear', k], `${k} has ${(lin[k] as unknown[]).length} entries but there are ${n} actors`);
  }
}

function duplicates(values: (string | undefined)[], report: (index: number, value: string) => void) {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    if (seen.has(v)) report(i, v);
    seen.add(v);
  });
}

function walk(x: unknown, path: (string | number)[], visit: (path: (string | number)[], key: string | number, value: unknown) => void) {
  if (Array.isArray(x)) x.forEach((v, i) => (visit([...path, i], i, v), walk(v, [...path, i], visit)));
  else if (isObj(x)) for (const [k, v] of Object.entries(x)) visit([...path, k], k, v), walk(v, [...path, k], visit);
}

function realDate(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
}

/** "did you mean 'X'?" when a known name is within two edits. */
export function suggest(value: string, known: string[]): string | undefined {
  let best: string | undefined, bestD = 3;
  for (const k of known) {
    const d = editDistance(value.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best === undefined ? undefined : `did you mean '${best}'?`;
}
