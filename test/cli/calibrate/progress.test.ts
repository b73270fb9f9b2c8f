import { describe, expect, it } from 'vitest';
import { stepProgress } from '../../../src/cli/calibrate/progress.js';

const stream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, s: { isTTY, write: (x: string) => (writes.push(x), true) } as unknown as NodeJS.WriteStream };
};

describe('stepProgress', () => {
  it('redraws one line per step on a terminal and clears it at the end', () => {
    const { writes, s } = stream(true);
    const p = stepProgress('calibrate crisis', s);
    p.step(0, 7, 'fitting the launch process');
    p.step(3, 7, 'tuning');
    p.done();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\x1b\[Kcalibrate crisis: step 1\/7 fitting the launch process \(\d+ s\)$/);
    expect(writes[1]).toMatch(/step 4\/7 tuning \(\d+ s, about \d+ s left\)$/);
    expect(writes[2]).toBe('\r\x1b[K');
  });

  it('prints nothing when stderr is not a terminal', () => {
    const { writes, s } = stream(false);
    const p = stepProgress('x', s);
    p.step(1, 2, 'y');
    p.done();
    expect(writes).toEqual([]);
  });
});
