import { performance } from 'node:perf_hooks';

/**
 * A one-line progress display on stderr for work done in synchronous steps (the calibration searches run without
 * yielding, so a timer-driven bar would never redraw; a write to a terminal is synchronous). Only on a terminal:
 * pipes, files and CI logs see nothing. Example: `const p = stepProgress('calibrate'); p.step(1, 7, 'tuning'); p.done()`.
 */
export function stepProgress(label: string, stream: NodeJS.WriteStream = process.stderr): { step: (done: number, total: number, next: string) => void; done: () => void } {
  if (!stream.isTTY) return { step: () => {}, done: () => {} };
  const t0 = performance.now();
  let shown = false;
  return {
    step(done, total, next) {
      const seconds = (performance.now() - t0) / 1000;
      const eta = done > 0 && done < total ? `, about ${Math.round((seconds / done) * (total - done))} s left` : '';
      stream.write(`\r\x1b[K${label}: step ${Math.min(done + 1, total)}/${total} ${next} (${seconds.toFixed(0)} s${eta})`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
