import { availableParallelism } from 'node:os';
import { derivedCacheEnabled, readDerived, writeDerived } from '../derivedCache.js';
import { COMPARE_DEFAULTS } from './compareDefaults.js';
import { MAIN_SCREENING } from './decidingAssumptions.js';

/*
 * The main job's answer cache (docs/performance.md#the-main-jobs-answer): a rerun of `npm start` on the same
 * scenario, options, build and terminal, whose store still holds every cell the answer was computed from, prints
 * the stored text and writes the stored report instead of reading the store back, re-analysing it and redrawing
 * the figures. The key is everything the printed text and the report depend on besides the stored cells; the
 * cells themselves are checked on every reuse by the store's digest (each cell's checksum verified, then the keys,
 * checksums, record weights and design hashed), so a store that lost, changed or never had a cell is a miss and
 * the job runs in full. Only two lines differ from a call that reads the store: the cells line (its run time,
 * and that the answer was reused) and the report's run time, both written afresh.
 */

/** Where the cells line sits in the stored text. */
const CELLS_SLOT = '\u0000cells\u0000';
/** Where the run time sits in the stored report. */
const RUN_TIME_SLOT = '\u0000run-time\u0000';

/** What a stored answer holds. */
export interface StoredAnswer {
  /** stdout up to the report lines, with CELLS_SLOT in place of the cells line. */
  text: string;
  /** Where in `text` compare's warnings went to stderr, and what they printed there. */
  warningsAt: number;
  warnings: string;
  /** The comparison's cells (all reused on a hit) and its worker threads. */
  cells: number;
  threads: number;
  /** The report's HTML with RUN_TIME_SLOT in place of the run-time line. */
  report: string;
  /** The store's experiments the answer was computed from, and their digest (ExperimentStore.digest). */
  experiments: string[];
  digest: string;
}

export type AnswerKey = ReturnType<typeof answerKey>;

/**
 * Everything the answer depends on besides the stored cells: the scenario (its canonical hash) and the file name
 * it prints, the store (as given and as opened), the comparison's and the screening's settings, the cores (the
 * threads it prints) and the terminal (the width its tables and warnings are wrapped to).
 */
export function answerKey(o: { file: string; hash: string; storeOption: string | undefined; store: string }) {
  const stream = (s: NodeJS.WriteStream) => ({ tty: !!s.isTTY, columns: s.isTTY ? (s.columns ?? null) : null });
  return {
    scenario: o.hash,
    file: o.file,
    storeOption: o.storeOption ?? null,
    store: o.store,
    compare: COMPARE_DEFAULTS,
    screening: MAIN_SCREENING,
    cores: availableParallelism(),
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
  };
}

/** Whether the answer cache may be used at all: a derived-results cache, and not the cells test hook (it must run the cells). */
export const answerCacheUsable = () => !process.env.FLASHPOINTS_ABORT_AFTER_CELLS && derivedCacheEnabled();

/**
 * The stored answer for this key whose cells the store still holds (digest equal), or undefined: no entry, a
 * stale or damaged one, a missing store, or a store whose cells differ or fail their checks (the full run then
 * reports what is wrong, as it would without the cache).
 */
export async function reusableAnswer(key: AnswerKey): Promise<StoredAnswer | undefined> {
  if (!answerCacheUsable()) return undefined;
  const entry = readDerived<StoredAnswer>('main-answer', key);
  if (!wellFormed(entry)) return undefined;
  try {
    const { ExperimentStore } = await import('../../engine/experimentStore.js');
    return ExperimentStore.digestOf(key.store, entry.experiments) === entry.digest ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** An entry with every field of a stored answer, of its type, and both slots in place. */
function wellFormed(e: StoredAnswer | undefined): e is StoredAnswer {
  return (
    !!e && typeof e.text === 'string' && typeof e.report === 'string' && typeof e.warnings === 'string' && typeof e.digest === 'string' &&
    Number.isInteger(e.warningsAt) && e.warningsAt >= 0 && e.warningsAt <= e.text.length && Number.isInteger(e.cells) && Number.isInteger(e.threads) &&
    Array.isArray(e.experiments) && e.experiments.every((x) => typeof x === 'string') && e.text.includes(CELLS_SLOT) && e.report.includes(RUN_TIME_SLOT)
  );
}

/**
 * The stored text and report with this call's cells line and run time put in. Example of the line:
 * `cells computed 0, reused from the store 300; answer reused from the cache in 0.2 s`.
 */
export async function replayAnswer(a: StoredAnswer, seconds: number): Promise<{ before: string; warnings: string; after: string; report: string }> {
  const { cellsLine } = await import('../render/cellsLine.js');
  const { runTimeHtml } = await import('../../report/contextSections.js');
  // The cells line says that the answer was reused, and how long this call took (nothing ran on threads).
  const line = `${cellsLine({}, { computed: 0, reused: a.cells, threads: a.threads })}answer reused from the cache in ${seconds.toFixed(1)} s`;
  // Replacer functions: a `$` in the text put in must not be read as a replacement pattern.
  const text = a.text.replace(CELLS_SLOT, () => line);
  const report = a.report.replace(RUN_TIME_SLOT, () => runTimeHtml(seconds));
  return { before: text.slice(0, a.warningsAt), warnings: a.warnings, after: text.slice(a.warningsAt), report };
}

/** What a full run of the main job hands over to be stored (the texts exactly as it printed and wrote them). */
export interface ComputedAnswer {
  text: string;
  warningsAt: number;
  warnings: string;
  cellsLine: string;
  cells: number;
  threads: number;
  report: string;
  runTimeHtml: string;
  experiments: string[];
}

/**
 * Stores a full run's answer, with the store's digest of the experiments it read. Skipped (never an error) when
 * the cells line or the run time is not found exactly once — a text wrapped on a narrow terminal — or the store
 * cannot be read back.
 */
export async function storeAnswer(key: AnswerKey, c: ComputedAnswer): Promise<void> {
  if (!answerCacheUsable()) return;
  const once = (text: string, part: string) => text.indexOf(part) >= 0 && text.indexOf(part) === text.lastIndexOf(part);
  // The warnings' offset stays valid when the cells line is cut out only if that line comes after it (it does:
  // the warnings precede the comparison's table).
  if (!once(c.text, c.cellsLine) || !once(c.report, c.runTimeHtml) || c.text.indexOf(c.cellsLine) < c.warningsAt) return;
  try {
    const { ExperimentStore } = await import('../../engine/experimentStore.js');
    const digest = ExperimentStore.digestOf(key.store, c.experiments);
    const value: StoredAnswer = {
      text: c.text.replace(c.cellsLine, () => CELLS_SLOT),
      warningsAt: c.warningsAt,
      warnings: c.warnings,
      cells: c.cells,
      threads: c.threads,
      report: c.report.replace(c.runTimeHtml, () => RUN_TIME_SLOT),
      experiments: c.experiments,
      digest,
    };
    writeDerived('main-answer', key, value);
  } catch {
    // The answer is simply not kept: the next call runs in full.
  }
}

/**
 * Records what is written to `stream` from now until `stop()`, passing it on unchanged. With `silent`, nothing
 * is passed on (how the warnings' stderr text is captured for the answer).
 */
export function recordWrites(stream: NodeJS.WriteStream, o: { silent?: boolean } = {}): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const own = Object.prototype.hasOwnProperty.call(stream, 'write');
  const write = stream.write;
  const recording = function (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    if (o.silent) {
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
  };
  stream.write = recording as typeof stream.write;
  const stop = () => {
    if (own) stream.write = write;
    else delete (stream as { write?: unknown }).write;
  };
  return { text: () => chunks.join(''), stop };
}
