import { z } from 'zod';
import { distributions, domainText, type ParamDomain } from './param.js';

/*
 * The zod schemas of a model parameter (param.ts says what one is), apart from param.ts so that the models, which
 * read parameters through it, do not load zod.
 */

/** A number bounded by the domain, with the bounds visible in the JSON Schema (minimum/maximum). */
function bounded(d: ParamDomain) {
  const error = (iss: { input?: unknown }) => `${String(iss.input)} is outside the allowed domain ${domainText(d)}`;
  let n = z.number();
  if (d.min !== undefined) n = n.min(d.min, { error });
  if (d.max !== undefined) n = n.max(d.max, { error });
  return n;
}

export function annotated(domain: ParamDomain = {}) {
  return z
    .strictObject({
      value: bounded(domain).describe('The value used when nothing is sampled (the central estimate).'),
      source: z.string().min(1).optional().describe('Id of the entry in `sources` the value comes from.'),
      assumption: z
        .string()
        .min(1)
        .optional()
        .describe('Why the value was chosen, when no source pins it; an assumption must carry a `range`.'),
      range: z
        .tuple([bounded(domain), bounded(domain)])
        .optional()
        .describe('Plausible interval [lo, hi] containing `value`; makes the parameter an uncertainty.'),
      dist: z
        .enum(distributions)
        .optional()
        .describe(
          'Distribution over `range` (docs/scenario-format.md#distributions): split-uniform (default: median = value, half the draws uniform on each side), split-loguniform (the same on a log scale, range > 0), uniform, triangular (mode = value), normal (mean = value, sd = width/4, truncated to range), loguniform (range > 0), or beta (a probability: Beta(shape[0], shape[1]) on [0, 1], `range` its central 95%).',
        ),
      shape: z.tuple([z.number().positive(), z.number().positive()]).optional().describe('Beta shape parameters [a, b]; only with `dist: beta`.'),
      offCentre: z
        .string()
        .min(1)
        .optional()
        .describe('Why the sampling distribution\'s median is not `value`, when it is not (validate warns otherwise).'),
      note: z.string().optional().describe('Free text: how the value was derived.'),
    })
    .superRefine((p, ctx) => {
      if (p.source === undefined && p.assumption === undefined) {
        ctx.addIssue({ code: 'custom', message: 'an annotated value needs `source` or `assumption`', path: [] });
      }
      if (p.assumption !== undefined && p.range === undefined) {
        ctx.addIssue({ code: 'custom', message: 'an assumption must carry an uncertainty `range: [lo, hi]`', path: ['assumption'] });
      }
      if (p.range) {
        const [lo, hi] = p.range;
        if (!(lo <= hi)) ctx.addIssue({ code: 'custom', message: `range [${lo}, ${hi}] has lo > hi`, path: ['range'] });
        else if (p.value < lo || p.value > hi)
          ctx.addIssue({ code: 'custom', message: `value ${p.value} lies outside its range [${lo}, ${hi}]`, path: ['value'] });
        if ((p.dist === 'loguniform' || p.dist === 'split-loguniform') && lo <= 0)
          ctx.addIssue({ code: 'custom', message: `a ${p.dist} range must be positive`, path: ['range'] });
        if (p.dist === 'beta' && (lo < 0 || hi > 1))
          ctx.addIssue({ code: 'custom', message: 'a beta parameter is a probability: its range must lie in [0, 1]', path: ['range'] });
      }
      if ((p.dist === 'beta') !== (p.shape !== undefined)) {
        ctx.addIssue({ code: 'custom', message: p.shape ? '`shape` is only for `dist: beta`' : '`dist: beta` needs `shape: [a, b]`', path: [p.shape ? 'shape' : 'dist'] });
      }
    });
}

/** A parameter: a bare number or an annotated value, both checked against the domain. */
export function param(domain: ParamDomain = {}, description = '') {
  return z.union([bounded(domain), annotated(domain)]).describe(description);
}

/** An annotated parameter as the schema accepts it. */
export type AnnotatedParam = z.infer<ReturnType<typeof annotated>>;
