import type { ComparisonResult } from '../../report/types.js';

/**
 * The comparison text's line of cells computed and reused, with the run time: the one line of it that differs
 * between two calls with the same result. Apart from render/compare.ts (and its table library) because the main
 * job's reused answer (src/cli/commands/mainAnswer.ts) writes it afresh.
 * Example: `cells computed 0, reused from the store 300; 2.0 s on 2 threads`.
 */
export function cellsLine(r: Pick<ComparisonResult, 'timing'>, info: { computed: number; reused: number; threads: number; queue?: string }): string {
  return `cells computed ${info.computed}, reused from the store ${info.reused}; ${r.timing ? `${r.timing.seconds.toFixed(1)} s ${info.queue ? `on the queue ${info.queue}` : `on ${info.threads} thread${info.threads === 1 ? '' : 's'}`}` : ''}`;
}
