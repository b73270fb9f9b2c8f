import fc from 'fast-check';

/**
 * How the property tests run (docs/testing.md): a time limit on each property — its runs and its shrinking
 * together — and an optional global seed to replay a failure.
 */
export interface FastCheckSettings {
  /** FLASHPOINTS_FC_SEED: the seed of every property that does not set its own; absent, fast-check draws one. */
  seed?: number;
  /** FLASHPOINTS_FC_TIME_LIMIT_MS: 0 turns the limit off; off by default when FLASHPOINTS_FUZZ_RUNS asks for a long fuzz. */
  timeLimitMs: number;
}

/**
 * Below vitest's 60 s test timeout, so fast-check stops first and reports its seed and the smallest case found so
 * far; a synchronous property cannot be stopped by vitest at all, so without this a rare failing case shrinks for
 * minutes inside one test.
 */
export const DEFAULT_TIME_LIMIT_MS = 50_000;

/** The settings from the environment; a value that is not a whole number fails the run with a message. */
export function fastCheckSettings(env: Record<string, string | undefined>): FastCheckSettings {
  const whole = (name: string, text: string, min: number, max: number): number => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isInteger(v) || v < min || v > max) throw new Error(`${name}=${JSON.stringify(text)}: a whole number from ${min} to ${max} is needed`);
    return v;
  };
  const seedText = env.FLASHPOINTS_FC_SEED;
  const limitText = env.FLASHPOINTS_FC_TIME_LIMIT_MS;
  return {
    // fast-check's seeds are 32-bit integers (it prints negative ones too).
    ...(seedText !== undefined && seedText !== '' ? { seed: whole('FLASHPOINTS_FC_SEED', seedText, -(2 ** 31), 2 ** 32 - 1) } : {}),
    // A long CLI fuzz (FLASHPOINTS_FUZZ_RUNS, test/cli/argsFuzz.test.ts: up to an hour) is meant to run long.
    timeLimitMs: limitText !== undefined && limitText !== '' ? whole('FLASHPOINTS_FC_TIME_LIMIT_MS', limitText, 0, 2 ** 31 - 1) : env.FLASHPOINTS_FUZZ_RUNS ? 0 : DEFAULT_TIME_LIMIT_MS,
  };
}

/**
 * The interruption plugin. At the limit fast-check stops drawing new cases and stops shrinking. A counterexample
 * found before or during the interrupted shrinking still fails the property, with its seed and path (the case it had
 * reached, partly shrunk). A property stopped while still passing passes on the runs it did, with a warning that says
 * how many: failing it would make wall time (the machine's load) a pass/fail condition. fast-check itself still fails
 * a property interrupted before its first passing run.
 */
export const timeLimitPlugin =
  (timeLimitMs: number): fc.Plugin<unknown> =>
  (pluginIndex, pluginStore) => {
    const limit = fc.interruptAfterTimeLimit(timeLimitMs, { failOnInterrupt: false })(pluginIndex, pluginStore);
    // Warn only when this limit was reached, not when another (a property's own, shorter one) stopped the run.
    const start = performance.now();
    return {
      ...limit,
      onAllRunsComplete: (runDetails) => {
        const out = limit.onAllRunsComplete?.(runDetails);
        if (!runDetails.failed && runDetails.interrupted && performance.now() - start >= timeLimitMs)
          console.warn(`fast-check: property stopped at the ${timeLimitMs} ms time limit after ${runDetails.numRuns} passing runs (seed ${runDetails.seed})`);
        return out;
      },
    };
  };

const settings = fastCheckSettings(process.env);
if (settings.seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: settings.seed });
if (settings.timeLimitMs > 0) fc.installGlobalPlugin(timeLimitPlugin(settings.timeLimitMs));
