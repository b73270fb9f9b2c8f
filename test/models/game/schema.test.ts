import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { MatchOptions } from '../../../src/models/game/match.js';
import type { MoranOptions } from '../../../src/models/game/moran.js';
import type { ReplicatorOptions } from '../../../src/models/game/replicator.js';
import {
  matchOptionsSchema,
  moranOptionsSchema,
  replicatorOptionsSchema,
  tournamentOptionsSchema,
} from '../../../src/models/game/schema.js';
import type { TournamentOptions } from '../../../src/models/game/tournament.js';

describe('game option schemas', () => {
  it('produce the option types the models take', () => {
    expectTypeOf<z.infer<typeof matchOptionsSchema>>().toExtend<MatchOptions>();
    expectTypeOf<z.infer<typeof tournamentOptionsSchema>>().toExtend<TournamentOptions>();
    expectTypeOf<z.infer<typeof moranOptionsSchema>>().toExtend<MoranOptions>();
    expectTypeOf<z.infer<typeof replicatorOptionsSchema>>().toExtend<ReplicatorOptions>();
  });

  it('accept empty options (all defaults) and a full tournament', () => {
    expect(tournamentOptionsSchema.parse({})).toEqual({});
    const full = { turns: 200, noise: 0.05, misperception: 0.01, payoffs: { R: 3, S: 0, T: 5, P: 1 }, repetitions: 50, seed: 3, selfPlay: true };
    expect(tournamentOptionsSchema.parse(full)).toEqual(full);
  });

  it('reject probabilities outside [0, 1], a zero end probability and fractional turns, naming the path', () => {
    const bad = tournamentOptionsSchema.safeParse({ noise: 1.5, probEnd: 0, turns: 2.5 });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['noise', 'probEnd', 'turns']);
  });

  it('export JSON Schema with a description on every field', () => {
    const schema = z.toJSONSchema(moranOptionsSchema) as { properties: Record<string, { description?: string }> };
    for (const [key, prop] of Object.entries(schema.properties)) expect(prop.description, key).toBeTruthy();
  });
});
