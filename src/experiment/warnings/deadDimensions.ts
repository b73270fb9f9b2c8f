import { getParam, resolvePath } from '../../scenario/paths.js';
import type { Scenario } from '../../scenario/schema.js';
import type { ScenarioWarning } from './types.js';

/**
 * Ranged parameters that every alternative of a structural uncertainty `set`s (docs/scenario-format.md#warnings):
 * whichever alternative a future draws overwrites the sampled value, so the range varies nothing — a dead dimension
 * of the design that is listed as varied. An alternative that `add`s or `scale`s keeps the sampled value alive.
 * Example: `deadDimensions(korea)` → [] once the alternatives' parameters carry no range.
 */
export function deadDimensions(s: Scenario): ScenarioWarning[] {
  const ids = s.actors.map((a) => a.id);
  const out: ScenarioWarning[] = [];
  for (const u of s.uncertainties?.structural ?? []) {
    const setBy = u.alternatives.map((alt) => new Map(alt.changes.filter((c) => c.set !== undefined).map((c) => [c.path, c.set!])));
    for (const [path] of setBy[0] ?? []) {
      if (!setBy.every((m) => m.has(path))) continue;
      const r = resolvePath(path, ids);
      if ('error' in r) continue;
      const p = getParam(s, r);
      if (p === undefined || typeof p === 'number' || !p.range || !(p.range[1] > p.range[0])) continue;
      const values = u.alternatives.map((alt, k) => `${alt.id} ${setBy[k].get(path)}`).join(', ');
      out.push({
        code: 'dead-dimension',
        path,
        message: `sampled over [${p.range[0]}, ${p.range[1]}], but every alternative of '${u.id}' sets it (${values}): the range varies nothing`,
        hint: 'state the value without a range (or a range [v, v]), or let the alternatives `add` to or `scale` it so the sampled value matters',
      });
    }
  }
  return out;
}
