import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pairRelations } from '../../../src/models/arms/buildArms.js';
import { crisisActorField, crisisScenario, relationField, type CrisisActorField, type RelationField } from '../../../src/models/crisis/prepare.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { getValue, resolvePath } from '../../../src/scenario/paths.js';
import type { Scenario } from '../../../src/scenario/schema.js';

const load = (name: string): Scenario => {
  const r = parseScenario(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8'), name);
  if (!r.ok) throw new Error(`${name} does not parse`);
  return r.scenario;
};

const read = (s: Scenario, path: string, ids: string[]): number => {
  const r = resolvePath(path, ids);
  if ('error' in r) throw new Error(r.error);
  return getValue(s, r);
};

const actorFields: CrisisActorField[] = ['baseline', 'hostilityWeight', 'threatWeight', 'drive', 'bias', 'spread', 'credibility'];
const relationFields: RelationField[] = ['hostility', 'dialogue', 'assurance', 'alignment'];

describe('prepareCrisis reads of per-actor and relation fields', () => {
  for (const name of ['korea-2024.yaml', 'taiwan-strait-2024.yaml']) {
    it(`equal getValue of the resolved path for every actor, pair and field (${name})`, () => {
      const s = crisisScenario(load(name));
      const ids = s.actors.map((a) => a.id), m = ids.length;
      for (const f of actorFields) {
        const direct = crisisActorField(s, ids, f);
        ids.forEach((a, i) => expect(Object.is(direct[i], read(s, `crisis.actors.${a}.${f}`, ids)), `${a}.${f}`).toBe(true));
      }
      const relations = pairRelations(s, ids);
      for (const f of relationFields) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
        if (i === j) continue;
        expect(Object.is(relationField(relations, m, i, j, f), read(s, `relations.${ids[i]}.${ids[j]}.${f}`, ids)), `${ids[i]}→${ids[j]}.${f}`).toBe(true);
      }
    });
  }
});
