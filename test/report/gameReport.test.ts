import { describe, expect, it } from 'vitest';
import { strategyById } from '../../src/models/game/registry.js';
import { runTournament } from '../../src/models/game/tournament.js';
import { tournamentResultSet } from '../../src/models/game/resultSet.js';
import { playMatch, matchLetters } from '../../src/models/game/match.js';
import { streamFor } from '../../src/math/rng/index.js';
import { renderMatchReport, renderTournamentReport } from '../../src/report/gameReport.js';
import { checkHtml } from './htmlCheck.js';

const payoffs = { R: 3, S: 0, T: 5, P: 1 };
const base = { flashpoints: '0.0.0-test', seed: 1, options: { turns: 20 }, payoffs };

function tournamentInput(players: string) {
  const r = runTournament(players.split(',').map(strategyById), { turns: 20, repetitions: 3 });
  return { ...base, command: 'flashpoints tournament --players <x> & "y"', resultSet: tournamentResultSet(r), payoffMatrix: r.payoffMatrix, repetitions: 3 };
}

describe('game reports', () => {
  it('a tournament summary is strict, self-contained HTML with three figures, and the same input gives the same bytes', () => {
    const input = tournamentInput('tit-for-tat,defector,grudger,cooperator');
    const html = renderTournamentReport(input);
    expect(checkHtml(html)).toEqual([]);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('flashpoints tournament --players &lt;x&gt; &amp; &quot;y&quot;'); // escaped
    expect(renderTournamentReport(tournamentInput('tit-for-tat,defector,grudger,cooperator'))).toBe(html);
    // Hand-derived over 20 turns: defector (24/20 + 24/20 + 5)/3 = 2.4667; tit-for-tat and grudger (19/20 + 3 + 3)/3
    // = 2.3167 each, a tie shown as a shared rank; cooperator (0 + 3 + 3)/3 = 2.
    const ranks = [...html.matchAll(/<tr><th scope="row">(\d+)<\/th><td>([a-z-]+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(ranks).toEqual(['1 defector', '2 tit-for-tat', '2 grudger', '4 cooperator']);
  });

  it('a match summary carries both players’ scores and two figures', () => {
    const m = matchLetters(playMatch(strategyById('tit-for-tat'), strategyById('alternator'), { turns: 12 }, streamFor(1, 0, 1, 0)));
    const html = renderMatchReport({ ...base, command: 'flashpoints match tit-for-tat alternator --turns 12', players: ['tit-for-tat', 'alternator'], ...m });
    expect(checkHtml(html)).toEqual([]);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain(`<td>${m.scores[0]}</td>`);
  });
});
