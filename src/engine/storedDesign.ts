import { morrisSample, sobolSample, type MorrisDesign, type SaltelliDesign } from '../sensitivity/index.js';

/*
 * A sensitivity design as the store keeps it: the sampler's settings in the experiment's options, the seed beside
 * them. `sensitivity` draws its design from these settings, and whoever reads the store later (the server counts a
 * design's rows) draws it again from the stored ones with the same functions, so the two cannot drift apart.
 */

/** The stored settings of a Morris design: trajectories, levels (the sampler's default if absent), the inputs in order, their groups if grouped. */
export type MorrisDesignOptions = {
  method: 'morris';
  trajectories: number;
  levels?: number;
  inputs: string[];
  groups?: string[];
};

/** The stored settings of a Saltelli design for Sobol' indices: base sample size, inputs, their groups or null. */
export type SobolDesignOptions = {
  method: 'sobol';
  n: number;
  inputs: string[];
  groups: string[] | null;
};

/** Every input on the unit interval: the cells map unit values to each input's own range (sensitivitySpace). */
const unitBounds = (inputs: readonly string[]) => inputs.map((name) => ({ name, lower: 0, upper: 1 }));

/** The Morris design of these settings and seed. */
export function drawMorrisDesign(o: MorrisDesignOptions, seed: number): MorrisDesign {
  return morrisSample(unitBounds(o.inputs), { trajectories: o.trajectories, levels: o.levels, seed, groups: o.groups });
}

/** The Saltelli design of these settings and seed. */
export function drawSobolDesign(o: SobolDesignOptions, seed: number): SaltelliDesign {
  return sobolSample(unitBounds(o.inputs), o.n, { seed, groups: o.groups ?? undefined });
}
