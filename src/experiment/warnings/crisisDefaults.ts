import { DEFAULT_CUTPOINTS } from '../../models/crisis/prepare.js';
import { getParam, PARAMETER_DEFAULTS, resolvePath } from '../../scenario/paths.js';
import type { Scenario } from '../../scenario/schema.js';
import { CALIBRATION_SOURCE_ID } from '../../scenario/calibrationSources.js';
import type { ScenarioWarning } from './types.js';

/**
 * Crisis parameters a scenario leaves at their built-in defaults while it carries no calibration record (no
 * `sources` entry `crisis-calibration`, which `flashpoints calibrate crisis --write` adds). The defaults were
 * chosen for the Korea 2024 scenario (docs/model.md); elsewhere they produce numbers nothing supports.
 * Parameters that cannot act are left out: `exercises.scale` without `crisis.exercises`, `restraintWeight`
 * without `crisis.patrons`. Example: `crisisDefaults(s, { crisis: true })`.
 */
export function crisisDefaults(s: Scenario, options: { crisis?: boolean } = {}): ScenarioWarning[] {
  if (!(options.crisis ?? s.crisis !== undefined)) return [];
  if (s.sources.some((x) => x.id === CALIBRATION_SOURCE_ID)) return [];
  const ids = s.actors.map((a) => a.id);
  const left: string[] = [];
  for (const [pattern, value] of Object.entries(PARAMETER_DEFAULTS)) {
    if (!pattern.startsWith('crisis.')) continue;
    if (pattern === 'crisis.exercises.scale' && !s.crisis?.exercises) continue;
    if (pattern === 'crisis.restraintWeight' && !s.crisis?.patrons?.length) continue;
    // A rule's strengths matter only when some actor, policy or alternative plays the rule.
    const rule = /^crisis\.strategies\.([^.]+)\./.exec(pattern)?.[1] ?? (pattern.startsWith('crisis.grit.') ? 'grit' : undefined);
    if (rule && !playedStrategies(s).has(rule)) continue;
    const actors = pattern.includes('{actor}') ? ids : [''];
    const unset = actors.filter((a) => {
      const r = resolvePath(pattern.replace('{actor}', a), ids);
      return !('error' in r) && getParam(s, r) === undefined;
    });
    if (!unset.length) continue;
    left.push(pattern.includes('{actor}') ? `${pattern.replace('{actor}', unset.length === 1 ? unset[0] : `{${unset.join(',')}}`)} = ${value}` : `${pattern} = ${value}`);
  }
  if (!s.crisis?.cutpoints) {
    // The catalog's last two categories are violent and nuclear; the rest are the ordered logit's outcomes.
    const nonViolent = (s.crisis?.catalog.length ?? DEFAULT_CUTPOINTS.length + 3) - 2;
    left.push(nonViolent === DEFAULT_CUTPOINTS.length + 1 ? `crisis.cutpoints = [${DEFAULT_CUTPOINTS.join(', ')}]` : 'crisis.cutpoints (spread evenly)');
  }
  if (!left.length) return [];
  return [
    {
      code: 'crisis-defaults',
      path: 'crisis',
      message: `no calibration record (no \`sources\` entry '${CALIBRATION_SOURCE_ID}') and ${left.length} crisis parameter${left.length === 1 ? '' : 's'} left at built-in defaults: ${left.join('; ')}`,
      hint: 'the defaults were set for the Korea 2024 scenario (docs/model.md); give each a value with a source, or an assumption with a range, before reading P(clash) or P(war) as more than illustrative',
    },
  ];
}

/** Every strategy id the scenario plays: actors' rules (default reciprocator), policies' switches, alternatives' rules. */
function playedStrategies(s: Scenario): Set<string> {
  const out = new Set<string>(s.actors.map((a) => s.crisis?.actors?.[a.id]?.strategy ?? 'reciprocator'));
  for (const p of s.policies) for (const v of Object.values(p.strategies)) out.add(typeof v === 'string' ? v : v.strategy);
  for (const u of s.uncertainties?.structural ?? []) for (const a of u.alternatives) for (const v of Object.values(a.strategies)) out.add(v);
  return out;
}
