// Spawns the built CLI (run `npm run build` first): the tournament's result set, --players all, --csv, --report.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson } from './spawn.js';
import { parseCsv } from '../../src/data/csv.js';
import { STRATEGIES } from '../../src/models/game/registry.js';
import { checkHtml } from '../report/htmlCheck.js';

const dir = mkdtempSync(join(tmpdir(), 'tournament-cli-'));
const tie = ['tournament', '--players', 'tit-for-tat,defector,grudger', '--turns', '200', '--repetitions', '10'];

describe('flashpoints tournament: the result set', () => {
  it('shows the tie of tit-for-tat and grudger (1.9975) as a shared rank, with wins and cooperation', () => {
    const r = cli(tie);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/│ 1\s+│ tit-for-tat\s+│ 1\.9975/);
    expect(r.out).toMatch(/│ 1\s+│ grudger\s+│ 1\.9975/);
    expect(r.out).toMatch(/│ 3\s+│ defector\s+│ 1\.0200\s+│ 1\.0200\s+│ 20\s+│ 2\s+│ 0\.0%/);
    for (const t of ['== Result set', '== Score distribution', '== Payoff matrix']) expect(r.out).toContain(t);
    // tit-for-tat cooperates on 1 of 200 turns against the defector and all 200 against grudger: 201/400.
    expect(r.out).toMatch(/tit-for-tat\s+│ 1\.9975\s+│ 1\.9975\s+│ 0\s+│ 0\s+│ 50\.2%/);
  });

  it('--json adds ranks, medians, wins, cooperation and quantiles keyed by id, keeping the old fields', () => {
    const o = cliJson([...tie, '--json']);
    expect(o.ranking).toEqual(['tit-for-tat', 'grudger', 'defector']);
    expect(o.ranks).toEqual({ 'tit-for-tat': 1, defector: 3, grudger: 1 });
    expect(o.wins).toEqual({ 'tit-for-tat': 0, defector: 20, grudger: 0 });
    expect(o.cooperationRates['tit-for-tat']).toBeCloseTo(201 / 400, 14);
    expect(o.medianScores.defector).toBeCloseTo(1.02, 14);
    expect(o.scoreQuantiles.grudger.q05).toBeCloseTo(1.9975, 14);
    expect(o.normalisedScores.defector).toHaveLength(10);
    expect(o.payoffMatrix[1][0]).toBeCloseTo(1.02, 14);
  });

  it('--players all plays every registered strategy', () => {
    const o = cliJson(['tournament', '--players', 'all', '--turns', '20', '--repetitions', '2', '--json']);
    expect(o.players).toEqual(STRATEGIES.map((s) => s.id));
    expect(o.options.players).toEqual(o.players);
    expect(cli(['tournament', '--players', 'all,defector']).code).toBe(2);
  });

  it('--csv writes the tidy result set; --report a strict self-contained HTML page', () => {
    const csv = join(dir, 't.csv');
    const html = join(dir, 't.html');
    const r = cli([...tie, '--csv', csv, '--report', html]);
    expect(r.code, r.err).toBe(0);
    const t = parseCsv(readFileSync(csv, 'utf8'), csv);
    expect(t.header).toEqual(['player', 'opponent', 'repetition', 'measure', 'value']);
    const pick = (player: string, measure: string, opponent = '', repetition = '') =>
      t.rows.filter((x) => x[0] === player && x[1] === opponent && x[2] === repetition && x[3] === measure).map((x) => Number(x[4]));
    expect(pick('grudger', 'rank')).toEqual([1]);
    expect(pick('defector', 'wins', '', '4')).toEqual([2]);
    expect(pick('defector', 'payoff', 'tit-for-tat')[0]).toBeCloseTo(1.02, 14);
    expect(pick('tit-for-tat', 'total_score', '', '1')).toEqual([199 + 600]);
    const page = readFileSync(html, 'utf8');
    expect(checkHtml(page)).toEqual([]);
    expect(page.match(/<svg /g)).toHaveLength(3);
    expect(page).toContain('flashpoints tournament --players tit-for-tat,defector,grudger --repetitions 10 --seed 1 --turns 200');
  });

  it('match --report writes a summary; an unwritable path exits 2', () => {
    const html = join(dir, 'm.html');
    const r = cli(['match', 'tit-for-tat', 'defector', '--turns', '5', '--report', html]);
    expect(r.code, r.err).toBe(0);
    expect(checkHtml(readFileSync(html, 'utf8'))).toEqual([]);
    expect(cli(['match', 'tit-for-tat', 'defector', '--report', join(dir, 'missing', 'm.html')]).code).toBe(2);
  });
});
