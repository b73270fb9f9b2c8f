// The benchmarks' one timing loop: a first call (timed, before the JIT has warmed up), `warmup` untimed calls,
// then `reps` timed calls. Quantiles are read off the sorted samples at ⌊q·reps⌋ (median at ⌊reps/2⌋).
export interface Timing {
  /** The very first call, in ms. */
  first: number;
  median: number;
  p90: number;
  p95: number;
  /** All timed samples in ms, sorted. */
  samples: number[];
}

export function measure(f: () => unknown, options: { reps: number; warmup?: number }): Timing {
  const t = performance.now();
  f();
  const first = performance.now() - t;
  for (let i = 0; i < (options.warmup ?? 3); i++) f();
  const samples: number[] = [];
  for (let i = 0; i < options.reps; i++) {
    const s = performance.now();
    f();
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(options.reps * q))];
  return { first, median: at(0.5), p90: at(0.9), p95: at(0.95), samples };
}
