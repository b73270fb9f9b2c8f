/**
 * Actions of the iterated prisoner's dilemma as small integers, so histories are `Uint8Array`s:
 * C (cooperate) = 0, D (defect) = 1; flipping an action is `a ^ 1`.
 */
export const C = 0;
export const D = 1;
export type Action = typeof C | typeof D;

/** The letters of a history, one `C`/`D` per turn. Example: `actionLetters(Uint8Array.of(0, 1))` → `"CD"`. */
export function actionLetters(history: ArrayLike<number>, length = history.length): string {
  let out = '';
  for (let t = 0; t < length; t++) out += history[t] === C ? 'C' : 'D';
  return out;
}

/** Parses a `C`/`D` string into a history; throws on any other letter. Example: `parseActions("CD")`. */
export function parseActions(letters: string): Uint8Array {
  const out = new Uint8Array(letters.length);
  for (let t = 0; t < letters.length; t++) {
    const ch = letters[t];
    if (ch !== 'C' && ch !== 'D') throw new RangeError(`action must be C or D, got '${ch}'`);
    out[t] = ch === 'C' ? C : D;
  }
  return out;
}
