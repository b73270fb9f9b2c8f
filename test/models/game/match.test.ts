import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamFor } from '../../../src/math/rng/index.js';
import { matchLength, playMatch, sampleLength } from '../../../src/models/game/match.js';
import { CHICKEN, PRISONERS_DILEMMA, STAG_HUNT } from '../../../src/models/game/payoffs.js';
import { STRATEGIES } from '../../../src/models/game/registry.js';
import { alternator } from '../../../src/models/game/strategies/alternator.js';
import { cooperator } from '../../../src/models/game/strategies/cooperator.js';
import { defector } from '../../../src/models/game/strategies/defector.js';
import { random } from '../../../src/models/game/strategies/random.js';
import { titForTat } from '../../../src/models/game/strategies/titForTat.js';
import { play } from './helpers.js';

describe('match scoring', () => {
  it('cooperator against alternator over 25 turns scores (39, 99) (Axelrod docs, "Creating Matches")', () => {
    const m = playMatch(cooperator, alternator, { turns: 25 }, streamFor(1));
    expect(m.scores).toEqual([39, 99]);
  });

  it('tit-for-tat against defector over 5 turns scores S + 4P = 4 and T + 4P = 9', () => {
    expect(playMatch(titForTat, defector, { turns: 5 }, streamFor(1)).scores).toEqual([4, 9]);
  });

  it('scores use the chosen stage game', () => {
    expect(playMatch(cooperator, defector, { turns: 2, payoffs: STAG_HUNT }, streamFor(1)).scores).toEqual([0, 6]);
    expect(playMatch(defector, defector, { turns: 2, payoffs: CHICKEN }, streamFor(1)).scores).toEqual([0, 0]);
  });

  it('per-turn scores stay within [min, max] of the payoffs and the pair never beats 2R in the PD', () => {
    for (const a of STRATEGIES) {
      for (const b of STRATEGIES) {
        const m = playMatch(a, b, { turns: 50, noise: 0.05 }, streamFor(3));
        for (const s of m.scores) {
          expect(s / 50).toBeGreaterThanOrEqual(0);
          expect(s / 50).toBeLessThanOrEqual(5);
        }
        expect(m.scores[0] + m.scores[1]).toBeLessThanOrEqual(2 * PRISONERS_DILEMMA.R * 50);
      }
    }
  });

  it('swapping the players swaps actions and scores of deterministic matches', () => {
    for (const a of STRATEGIES.filter((s) => !s.stochastic)) {
      for (const b of STRATEGIES.filter((s) => !s.stochastic)) {
        const ab = play(a, b, 40);
        const ba = play(b, a, 40);
        expect(ba).toEqual([ab[1], ab[0]]);
      }
    }
  });
});

describe('execution noise', () => {
  it('noise 0 leaves every action as intended', () => {
    expect(play(cooperator, defector, 20, { noise: 0 })).toEqual(['C'.repeat(20), 'D'.repeat(20)]);
  });

  it('noise 1 flips every action: both see and are scored on the flip (as the Axelrod library)', () => {
    expect(play(cooperator, defector, 5, { noise: 1 })).toEqual(['DDDDD', 'CCCCC']);
    expect(playMatch(cooperator, cooperator, { turns: 4, noise: 1 }, streamFor(1)).scores).toEqual([4, 4]);
    // Tit for tat intends C, plays D; then copies D, plays C; … — each copies the flipped action.
    expect(play(titForTat, titForTat, 6, { noise: 1 })).toEqual(['DCDCDC', 'DCDCDC']);
  });

  it('alternator reads its own flipped action, so noise 1 freezes it on D (the Axelrod library reads its own history)', () => {
    expect(play(alternator, cooperator, 6, { noise: 1 })[0]).toBe('DDDDDD');
  });

  it('noise e flips each action with probability e', () => {
    const n = 20000;
    const [a] = play(cooperator, cooperator, n, { noise: 0.1 }, 9);
    const share = (a.match(/D/g) ?? []).length / n;
    expect(Math.abs(share - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / n));
  });
});

describe('misperception', () => {
  it('misperception 1: tit-for-tat reads every cooperation as defection; the cooperator is unaffected', () => {
    const m = playMatch(titForTat, cooperator, { turns: 5, misperception: 1 }, streamFor(1));
    expect(play(titForTat, cooperator, 5, { misperception: 1 })).toEqual(['CDDDD', 'CCCCC']);
    expect(m.scores).toEqual([3 + 4 * 5, 3]);
  });

  it('misperception 1 between two tit-for-tats: each answers what it wrongly saw, CDCD…', () => {
    expect(play(titForTat, titForTat, 6, { misperception: 1 })).toEqual(['CDCDCD', 'CDCDCD']);
  });

  it('misperception is private: the actual actions are what is scored and reported', () => {
    // Both misread at random; the scores must equal a replay of the reported actions.
    const m = playMatch(titForTat, titForTat, { turns: 300, misperception: 0.1 }, streamFor(4));
    const table = [3, 0, 5, 1];
    let s0 = 0;
    let s1 = 0;
    for (let t = 0; t < 300; t++) {
      s0 += table[m.actions[0][t] * 2 + m.actions[1][t]];
      s1 += table[m.actions[1][t] * 2 + m.actions[0][t]];
    }
    expect(m.scores).toEqual([s0, s1]);
    expect(m.actions[0].some((x) => x === 1)).toBe(true);
  });

  it('one misreading sets off an echo of retaliation between two tit-for-tats (the security dilemma)', () => {
    // Misperception 0 → full cooperation; a little misperception → defections appear that no one intended.
    const clean = playMatch(titForTat, titForTat, { turns: 200 }, streamFor(2));
    const noisy = playMatch(titForTat, titForTat, { turns: 200, misperception: 0.02 }, streamFor(2));
    expect(clean.scores).toEqual([600, 600]);
    expect(noisy.scores[0] + noisy.scores[1]).toBeLessThan(1200);
  });
});

describe('match length', () => {
  it('sampleLength inverts the geometric CDF: ⌈ln(1−u)/ln(1−p)⌉ (the Axelrod library sample_length)', () => {
    expect(sampleLength(0.5, 0.6)).toBe(2); // ln 0.4 / ln 0.5 = 1.32
    expect(sampleLength(0.1, 0.5)).toBe(7); // ln 0.5 / ln 0.9 = 6.58
    expect(sampleLength(1, 0.99)).toBe(1);
    expect(sampleLength(0.3, 0)).toBe(1);
  });

  it('sampled lengths are at least 1 for every u in [0, 1) and p in (0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (u, p) => {
        const L = sampleLength(p, u);
        return Number.isInteger(L) && L >= 1;
      }),
    );
  });

  it('a probabilistic end gives a mean length 1/p (within 4σ) and respects the turns cap', () => {
    const p = 0.1;
    const n = 4000;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += matchLength({ probEnd: p }, streamFor(5, k));
    const sd = Math.sqrt((1 - p) / p ** 2 / n);
    expect(Math.abs(sum / n - 1 / p)).toBeLessThan(4 * sd);
    for (let k = 0; k < 200; k++) expect(matchLength({ probEnd: 0.01, turns: 30 }, streamFor(6, k))).toBeLessThanOrEqual(30);
  });

  it('a match with a probabilistic end plays its sampled length', () => {
    const m = playMatch(titForTat, defector, { probEnd: 0.2 }, streamFor(12));
    expect(m.actions[0].length).toBe(m.turns);
    expect(m.turns).toBe(matchLength({ probEnd: 0.2 }, streamFor(12)));
  });
});

describe('seeded reproducibility', () => {
  it('the same stream gives the same match; another stream gives another', () => {
    const a = playMatch(random, titForTat, { turns: 100, noise: 0.1, misperception: 0.1 }, streamFor(42, 1));
    const b = playMatch(random, titForTat, { turns: 100, noise: 0.1, misperception: 0.1 }, streamFor(42, 1));
    const c = playMatch(random, titForTat, { turns: 100, noise: 0.1, misperception: 0.1 }, streamFor(42, 2));
    expect(b).toEqual(a);
    expect(c.actions).not.toEqual(a.actions);
  });
});
