import { describe, expect, it } from 'vitest';
import { walkSegments } from '../../src/math/piecewise.js';

describe('walkSegments', () => {
  it('hands each segment its outputs in [tStart, next tStart) and asks for the end state only when needed', () => {
    const calls: { index: number; t: number; x: number[]; outputs: readonly number[]; end: number }[] = [];
    // A "solver" whose state is the time itself: x(t) = t, so every handover is visible.
    const states = walkSegments(
      [{ tStart: 0 }, { tStart: 1, reset: (x) => [x[0]! + 100] }, { tStart: 3 }, { tStart: 9 }],
      [0],
      [0, 0.5, 1, 2.5, 3, 4],
      'test',
      (_seg, index, t, x, outputs, end) => {
        calls.push({ index, t, x: Array.from(x), outputs, end });
        const at = (time: number) => [x[0]! + time - t];
        return { states: outputs.map(at), atEnd: end === Infinity ? null : Float64Array.from(at(end)) };
      },
    );
    expect(calls).toEqual([
      { index: 0, t: 0, x: [0], outputs: [0, 0.5], end: 1 },
      { index: 1, t: 1, x: [101], outputs: [1, 2.5], end: 3 },
      { index: 2, t: 3, x: [103], outputs: [3, 4], end: Infinity },
    ]);
    expect(states).toEqual([[0], [0.5], [101], [102.5], [103], [104]]);
  });

  it('rejects a reset that changes the state length and a solver that returns no end state', () => {
    const ok = () => ({ states: [], atEnd: new Float64Array(1) });
    expect(() => walkSegments([{ tStart: 0, reset: () => [1, 2] }], [0], [1], 'test', ok)).toThrow(/reset changed/);
    expect(() =>
      walkSegments([{ tStart: 0 }, { tStart: 1 }], [0], [2], 'test', () => ({ states: [], atEnd: null })),
    ).toThrow(/no state at its end/);
  });
});
