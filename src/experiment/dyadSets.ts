import type { Scenario } from '../scenario/schema.js';

/**
 * A set of ordered dyads whose outcomes a comparison keeps apart: a scenario's `crisis.groups` (the peninsula,
 * great-power dyads, …), "other" for every dyad in no group, and one set per actor pair a record target names.
 * `dyads` are indices i·m + j in scenario actor order, both directions of each pair.
 */
export interface DyadSet {
  id: string;
  title: string;
  /** Whether the set is one of the disjoint groups outcomes are split by (false: a record target's pair). */
  group: boolean;
  dyads: number[];
}

/** Id of the set of dyads in no declared group. */
export const OTHER_DYADS = 'other';

/** The id of the set a record target's pair uses, e.g. `pair:KOR-PRK` (actors sorted). */
export function pairSetId(pair: readonly [string, string]): string {
  return `pair:${[...pair].sort().join('-')}`;
}

/**
 * The dyad sets of a scenario: its groups in order, then "other" (omitted when every dyad is grouped or there are
 * no groups), then the pairs of record targets. Pairs naming unknown actors are skipped (validation reports them).
 * Example: `dyadSets(korea).map((d) => d.id)` → ['peninsula', 'great-powers', 'south-china-sea', 'other', 'pair:KOR-PRK'].
 */
export function dyadSets(s: Scenario): DyadSet[] {
  const ids = s.actors.map((a) => a.id);
  const m = ids.length;
  const both = (pairs: readonly (readonly [string, string])[]) =>
    pairs.flatMap(([a, b]) => {
      const i = ids.indexOf(a), j = ids.indexOf(b);
      return i < 0 || j < 0 || i === j ? [] : [i * m + j, j * m + i];
    });
  const groups = (s.crisis?.groups ?? []).map((g) => ({ id: g.id, title: g.title, group: true, dyads: both(g.pairs) }));
  const out: DyadSet[] = [...groups];
  if (groups.length) {
    const grouped = new Set(groups.flatMap((g) => g.dyads));
    const rest: number[] = [];
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j && !grouped.has(i * m + j)) rest.push(i * m + j);
    if (rest.length) out.push({ id: OTHER_DYADS, title: 'Other dyads', group: true, dyads: rest });
  }
  for (const t of s.record?.targets ?? []) {
    if (t.kind !== 'clashYears' || !t.pair) continue;
    const id = pairSetId(t.pair);
    if (!out.some((d) => d.id === id)) out.push({ id, title: t.pair.join('–'), group: false, dyads: both([t.pair]) });
  }
  return out;
}
