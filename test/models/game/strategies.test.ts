import { describe, expect, it } from 'vitest';
import { alternator } from '../../../src/models/game/strategies/alternator.js';
import { cooperator } from '../../../src/models/game/strategies/cooperator.js';
import { defector } from '../../../src/models/game/strategies/defector.js';
import { generousTitForTat, generosity } from '../../../src/models/game/strategies/generousTitForTat.js';
import { grit } from '../../../src/models/game/strategies/grit.js';
import { grudger } from '../../../src/models/game/strategies/grudger.js';
import { memoryOne } from '../../../src/models/game/strategies/memoryOne.js';
import { random } from '../../../src/models/game/strategies/random.js';
import { suspiciousTitForTat } from '../../../src/models/game/strategies/suspiciousTitForTat.js';
import { titForTat } from '../../../src/models/game/strategies/titForTat.js';
import { titForTwoTats } from '../../../src/models/game/strategies/titForTwoTats.js';
import { winStayLoseShift } from '../../../src/models/game/strategies/winStayLoseShift.js';
import { CHICKEN, PRISONERS_DILEMMA, STAG_HUNT } from '../../../src/models/game/payoffs.js';
import { streamFor } from '../../../src/math/rng/index.js';
import { STRATEGIES } from '../../../src/models/game/registry.js';
import { pairs, play, sequence } from './helpers.js';

// Sequences marked "Axelrod tests" are the expected_actions of the Axelrod library's own tests
// (axelrod/tests/strategies/test_titfortat.py, test_memoryone.py); the others are derived by hand from the rule.
describe('exact play of deterministic strategies', () => {
  it('tit-for-tat against alternator: CC CD DC CD DC (Axelrod tests, test_vs_alternator)', () => {
    const [a, b] = play(titForTat, alternator, 5);
    expect(pairs(a, b)).toEqual(['CC', 'CD', 'DC', 'CD', 'DC']);
  });

  it('tit-for-tat against defector: CD DD DD DD DD (Axelrod tests, test_vs_defector)', () => {
    expect(play(titForTat, defector, 5)).toEqual(['CDDDD', 'DDDDD']);
  });

  it('tit-for-tat copies a fixed sequence with one turn of delay (Axelrod tests, mock C,C,D,D,C,D)', () => {
    expect(play(titForTat, sequence('CCDDCD'), 6)).toEqual(['CCCDDC', 'CCDDCD']);
  });

  it('tit-for-two-tats punishes only two defections in a row (Axelrod tests, mock D,D,D,C,C)', () => {
    const [a, b] = play(titForTwoTats, sequence('DDDCC'), 6);
    expect(pairs(a, b)).toEqual(['CD', 'CD', 'DD', 'DC', 'CC', 'CD']);
  });

  it('tit-for-two-tats against C,C,D,D,C,D,D,C,C,D,D (Axelrod tests)', () => {
    const [a] = play(titForTwoTats, sequence('CCDDCDDCCDD'), 11);
    expect(a).toBe('CCCCDCCDCCC');
  });

  it('tit-for-two-tats never defects against alternator, whose defections never come in pairs', () => {
    expect(play(titForTwoTats, alternator, 8)).toEqual(['CCCCCCCC', 'CDCDCDCD']);
  });

  it('suspicious tit-for-tat against tit-for-tat alternates out of phase: (D,C),(C,D) × 8 (Axelrod tests)', () => {
    const [a, b] = play(suspiciousTitForTat, titForTat, 16);
    expect(a).toBe('DC'.repeat(8));
    expect(b).toBe('CD'.repeat(8));
  });

  it('suspicious tit-for-tat against cooperator and defector: DCC, DDD (Axelrod tests)', () => {
    expect(play(suspiciousTitForTat, cooperator, 3)[0]).toBe('DCC');
    expect(play(suspiciousTitForTat, defector, 3)[0]).toBe('DDD');
  });

  it('grudger cooperates until the first defection and never forgives', () => {
    expect(play(grudger, sequence('CCDCCCCC'), 8)[0]).toBe('CCCDDDDD');
    expect(play(grudger, cooperator, 4)[0]).toBe('CCCC');
    expect(play(grudger, defector, 4)[0]).toBe('CDDD');
  });

  it('grudger against cooperator, defector and a single defection on turn 11 (Axelrod tests, test_grudger)', () => {
    expect(play(grudger, cooperator, 20)[0]).toBe('C'.repeat(20));
    expect(play(grudger, defector, 21)[0]).toBe('C' + 'D'.repeat(20));
    const [a, b] = play(grudger, sequence('C'.repeat(10) + 'D' + 'C'.repeat(20)), 31);
    expect(pairs(a, b)).toEqual([...Array(10).fill('CC'), 'CD', ...Array(20).fill('DC')]);
  });

  it('alternator against cooperator, defector and D,C: (C,·),(D,·) × 5 (Axelrod tests, test_alternator)', () => {
    expect(pairs(...play(alternator, cooperator, 10))).toEqual(Array(5).fill(['CC', 'DC']).flat());
    expect(pairs(...play(alternator, defector, 10))).toEqual(Array(5).fill(['CD', 'DD']).flat());
    expect(pairs(...play(alternator, sequence('DC'), 10))).toEqual(Array(5).fill(['CD', 'DC']).flat());
  });

  it('alternator starts with C and alternates whatever the opponent does', () => {
    expect(play(alternator, defector, 5)[0]).toBe('CDCDC');
    expect(play(cooperator, alternator, 5)).toEqual(['CCCCC', 'CDCDC']);
  });

  it('win-stay-lose-shift against alternator: CC CD DC DD CC (Axelrod tests)', () => {
    const [a, b] = play(winStayLoseShift, alternator, 5);
    expect(pairs(a, b)).toEqual(['CC', 'CD', 'DC', 'DD', 'CC']);
  });

  it('win-stay-lose-shift alternates against a defector (lose after CD, win-by-shift after DD)', () => {
    expect(play(winStayLoseShift, defector, 6)[0]).toBe('CDCDCD');
  });

  it('grit makes unilateral initiatives after 2, 4, 8, … mutual defections against a defector', () => {
    const [a] = play(grit, defector, 200);
    const cs = [...a].flatMap((x, t) => (x === 'C' ? [t] : []));
    // Hand-derived: C at 0; then initiative after k mutual defections, k = 2, 4, 8, …, each followed by one (C,D) round.
    expect(cs).toEqual([0, 3, 8, 17, 34, 67, 132]);
  });

  it('grit reciprocates cooperation at once and restarts its interval', () => {
    // Opponent: D, D, D (grit: C D D), then C: grit answers C, then D again.
    expect(play(grit, sequence('DDDCDDDDDD'), 10)[0]).toBe('CDDCCDDCDD');
    expect(play(grit, titForTat, 6)).toEqual(['CCCCCC', 'CCCCCC']);
  });

  it('deterministic memory-one vectors reproduce their named equivalents (Axelrod MemoryOnePlayer docstring)', () => {
    const opponents = [cooperator, defector, alternator, sequence('CDDCCDDDCD'), titForTat];
    for (const opp of opponents) {
      expect(play(memoryOne([1, 0, 1, 0]), opp, 30)).toEqual(play(titForTat, opp, 30));
      expect(play(memoryOne([1, 0, 0, 1]), opp, 30)).toEqual(play(winStayLoseShift, opp, 30));
      expect(play(memoryOne([0, 0, 1, 1]), opp, 30)).toEqual(play(alternator, opp, 30));
      expect(play(memoryOne([1, 1, 1, 1]), opp, 30)).toEqual(play(cooperator, opp, 30));
    }
  });
});

describe('stochastic strategies', () => {
  it('generous tit-for-tat forgives with p = 1/3 in the default game (Axelrod tests, test_four_vector)', () => {
    expect(generosity(PRISONERS_DILEMMA)).toBeCloseTo(1 / 3, 15);
  });

  it('generosity is clamped to [0, 1] in the stag hunt and is 0 in chicken', () => {
    expect(generosity(STAG_HUNT)).toBe(1);
    expect(generosity(CHICKEN)).toBe(0);
  });

  it('generous tit-for-tat cooperates against a defector about a third of the time after its first move', () => {
    const n = 20000;
    const [a] = play(generousTitForTat, defector, n + 1, {}, 7);
    const share = (a.slice(1).match(/C/g) ?? []).length / n;
    const sigma = Math.sqrt((1 / 3) * (2 / 3) / n);
    expect(a[0]).toBe('C');
    expect(Math.abs(share - 1 / 3)).toBeLessThan(4 * sigma);
  });

  it('generous tit-for-tat always cooperates after the opponent cooperated', () => {
    const [a] = play(generousTitForTat, cooperator, 500, {}, 3);
    expect(a).toBe('C'.repeat(500));
  });

  it('random cooperates half the time, first move included', () => {
    const n = 20000;
    const [a] = play(random, cooperator, n, {}, 11);
    const share = (a.match(/C/g) ?? []).length / n;
    expect(Math.abs(share - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it('a stochastic memory-one player cooperates with its four probabilities', () => {
    // Against a cooperator, a player that starts with C sees only CC (p1) or DC (p3) states.
    const n = 20000;
    const [a] = play(memoryOne([0.8, 0, 0.8, 0]), cooperator, n + 1, {}, 5);
    const share = (a.slice(1).match(/C/g) ?? []).length / n;
    expect(Math.abs(share - 0.8)).toBeLessThan(4 * Math.sqrt(0.16 / n));
  });
});

describe('registry metadata matches behaviour', () => {
  const all = [...STRATEGIES, memoryOne([1, 0, 0, 1]), memoryOne([0.5, 0.2, 0.9, 0.1])];
  const rngHistories = (seed: number, length: number): [Uint8Array, Uint8Array] => {
    let x = seed;
    const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) >> 16) & 1;
    return [Uint8Array.from({ length }, next), Uint8Array.from({ length }, next)];
  };
  const ctx = { payoffs: PRISONERS_DILEMMA };

  function decideAfter(s: (typeof all)[number], own: Uint8Array, seen: Uint8Array, finalSeed: number, driveSeed: number) {
    const decide = s.create(ctx);
    // Drive the player through the history as if execution noise had imposed it, then ask for the next move.
    const drive = streamFor(driveSeed);
    for (let t = 0; t < own.length; t++) decide(t, own, seen, drive);
    return decide(own.length, own, seen, streamFor(finalSeed, 1));
  }

  for (const s of all) {
    it(`${s.id}: ${s.stochastic ? 'stochastic: some move depends on the random stream' : 'deterministic: moves ignore the random stream'}`, () => {
      let differs = false;
      for (let h = 1; h <= 60; h++) {
        const [own, seen] = rngHistories(h, 1 + (h % 9));
        if (decideAfter(s, own, seen, 1, 1) !== decideAfter(s, own, seen, 2 + h, 5 + h)) differs = true;
      }
      expect(differs).toBe(s.stochastic);
    });

    if (Number.isFinite(s.memoryDepth)) {
      it(`${s.id}: its move depends only on the last ${s.memoryDepth} round(s)`, () => {
        const d = s.memoryDepth;
        for (let h = 1; h <= 60; h++) {
          const [own, seen] = rngHistories(h, 10);
          const [own2, seen2] = rngHistories(h + 1000, 10);
          own2.set(own.subarray(10 - d), 10 - d);
          seen2.set(seen.subarray(10 - d), 10 - d);
          expect(decideAfter(s, own2, seen2, 9, 4)).toBe(decideAfter(s, own, seen, 9, 8));
        }
      });
    }
  }

  it('every strategy starts each match afresh: the same stream gives the same match, however often it is played', () => {
    for (const s of all) {
      for (const opp of [random, titForTat, grudger]) {
        const first = play(s, opp, 60, { noise: 0.1, misperception: 0.05 }, 17);
        play(s, defector, 30, {}, 3); // a match in between must leave no state behind
        expect(play(s, opp, 60, { noise: 0.1, misperception: 0.05 }, 17)).toEqual(first);
      }
    }
  });

  it('every id is unique and every strategy names its source', () => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) expect(s.citation.length).toBeGreaterThan(5);
  });
});
