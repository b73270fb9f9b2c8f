import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root, stackTrace } from './spawn.js';

// The analyst's workbench (issue 18) from the command line: warnings, validate --json, --set and --policy, the
// per-scenario store reused by default, help with no arguments, widths and number formats.
const dir = mkdtempSync(join(tmpdir(), 'workbench-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = join(root, 'examples/india-pakistan.yaml');
const korea = join(root, 'scenarios/korea-2024.yaml');
const tiny = ['--futures', '3', '--runs', '4', '--horizon', '24', '--threads', '1'];
const inDir = (args: string[]) => cli(args, { cwd: dir });

describe('warnings', () => {
  it('validate, show and run print them on stderr; --json carries them under `warnings` with a clean stderr', () => {
    for (const args of [['validate', example], ['show', example], ['run', example, '--runs', '50']]) {
      const r = cli(args);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/^warning: levers\[0\]\.path: lever 'backchannel' \(used by 'backchannel'\) is inert/m);
      expect(r.err).toMatch(/^warning: crisis: no calibration record/m);
      expect(r.err).toMatch(/^warning: actors\.PAK\.capabilities\.strategic: PAK\.strategic grows/m);
      expect(r.err).toMatch(/^\s+hint: /m);
      const j = cli([...args, '--json']);
      expect(j.err).toBe('');
      expect(JSON.parse(j.out).warnings.map((w: { code: string }) => w.code)).toEqual(['inert-lever', 'inert-policy', 'crisis-defaults', 'runaway-growth']);
    }
    expect(cli(['validate', korea]).err).toBe('');
  });

  it('compare warns too, and its table prints the inert policy\'s difference as 0.0%, never ±0.0%', () => {
    const r = inDir(['compare', example, ...tiny]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("policy 'backchannel' changes nothing the models read");
    expect(r.out).toMatch(/│ backchannel[^\n]*│ 0\.0% \[0\.0,/); // the paired difference of an inert policy: exactly 0, unsigned
    expect(r.out).not.toContain('±');
    const j = JSON.parse(inDir(['compare', example, ...tiny, '--json']).out);
    expect(j.warnings.map((w: { code: string }) => w.code)).toContain('inert-policy');
  });
});

describe('validate --json', () => {
  it('prints { valid, issues, warnings } for a valid file', () => {
    const r = cli(['validate', example, '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ command: 'validate', valid: true, issues: [], scenario: { id: 'india-pakistan' } });
  });

  it('prints every issue, located, for an invalid file, and exits 2', () => {
    const r = cli(['validate', join(root, 'test/fixtures/scenarios/bad-many.yaml'), '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const o = JSON.parse(r.out);
    expect(o.valid).toBe(false);
    expect(o.issues.length).toBeGreaterThan(1);
    for (const i of o.issues) expect(Object.keys(i).sort()).toEqual(['col', 'file', 'hint', 'line', 'message', 'path']);
    expect(o.issues[0].line).toBeGreaterThan(0);
  });

  it('reports a missing file as one issue without a position', () => {
    const r = cli(['validate', join(dir, 'nope.yaml'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).issues).toEqual([expect.objectContaining({ line: null, col: null, message: expect.stringContaining('no such file') })]);
  });
});

describe('--set and --policy', () => {
  it('--set changes the scenario as the same edit in the file would: same hash, recorded in the envelope', () => {
    const r = cli(['simulate', example, '--set', 'actors.PAK.capabilities.strategic.elasticity=1.2', '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, readFileSync(example, 'utf8').replace('elasticity: { value: 1.5,', 'elasticity: { value: 1.2,'));
    const fromFile = JSON.parse(cli(['simulate', edited, '--json']).out);
    expect(o.scenario).toEqual({ id: 'india-pakistan', hash: fromFile.scenario.hash, overrides: [{ path: 'actors.PAK.capabilities.strategic.elasticity', value: 1.2 }] });
    expect(o.series).toEqual(fromFile.series);
    expect(JSON.parse(cli(['simulate', example, '--json']).out).scenario.hash).not.toBe(o.scenario.hash);
  });

  it.each([
    [['--set', 'crisis.clashTreshold=5'], /--set crisis\.clashTreshold=5: unknown parameter path/, /did you mean 'crisis\.clashThreshold'/],
    [['--set', 'crisis.memory=lots'], /the value must be a number/, /e\.g\./],
    [['--set', 'relations.IND.PAK.hostility=0.95'], /lies outside its range \[0\.5, 0\.9\]/, /widen it/],
    [['--policy', 'nope'], /no policy 'nope'/, /known policies: status-quo, backchannel/],
  ])('rejects %j with exit 2, a message and a hint, on every model command', (extra, message, hint) => {
    for (const cmd of ['simulate', 'analyze', 'run', 'compare']) {
      if (cmd === 'compare' && extra[0] === '--policy') continue;
      const r = inDir([cmd, example, ...extra, ...(cmd === 'compare' ? [...tiny, '--no-store'] : cmd === 'run' ? ['--runs', '5'] : [])]);
      expect(r.code, `${cmd}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(hint);
      expect(r.err).not.toMatch(stackTrace);
    }
  });

  it('--policy applies the policy to the arms model: an alliance policy moves the trajectories, an inert one does not', () => {
    const years = ['--times', '0,5,10', '--json'];
    const sq = JSON.parse(cli(['simulate', korea, ...years]).out);
    const nato = JSON.parse(cli(['simulate', korea, ...years, '--policy', 'asian-nato']).out);
    expect(nato.options.policy).toBe('asian-nato');
    expect(nato.scenario.hash).toBe(sq.scenario.hash);
    expect(nato.series['CHN.conventional'][0]).toBe(sq.series['CHN.conventional'][0]);
    expect(nato.series['CHN.conventional'][2]).not.toBe(sq.series['CHN.conventional'][2]);
    const a = JSON.parse(cli(['analyze', korea, '--json', '--policy', 'asian-nato']).out);
    expect(a.options.policy).toBe('asian-nato');
    const inert = JSON.parse(cli(['simulate', example, ...years, '--policy', 'backchannel']).out);
    expect(inert.series).toEqual(JSON.parse(cli(['simulate', example, ...years]).out).series);
  });

  it('compare records the overrides and reproduces them', () => {
    const o = JSON.parse(inDir(['compare', example, ...tiny, '--no-store', '--json', '--set', 'crisis.ladder.channelEffect=-1']).out);
    expect(o.scenario.overrides).toEqual([{ path: 'crisis.ladder.channelEffect', value: -1 }]);
    expect(o.reproduce.command).toMatch(/ --set crisis\.ladder\.channelEffect=-1$/);
    expect(o.warnings.map((w: { code: string }) => w.code)).not.toContain('inert-lever');
  });
});

describe('stores per scenario', () => {
  it('compare keeps each scenario in its own store, reuses identical cells by default and recomputes with --fresh', () => {
    const first = inDir(['compare', example, ...tiny]);
    expect(first.code, first.err).toBe(0);
    expect(existsSync(join(dir, 'flashpoints-india-pakistan.sqlite'))).toBe(true);
    const again = inDir(['compare', example, ...tiny]);
    expect(again.out).toMatch(/cells computed 0, reused from the store 6/);
    const resumed = inDir(['compare', example, ...tiny, '--resume']);
    expect(resumed.out).toMatch(/cells computed 0, reused from the store 6/);
    const fresh = inDir(['compare', example, ...tiny, '--fresh']);
    expect(fresh.out).toMatch(/cells computed 6, reused from the store 0/);
    const table = (s: string) => s.slice(0, s.indexOf('cells computed'));
    expect(table(fresh.out)).toBe(table(again.out));
    const second = inDir(['compare', korea, ...tiny, '--policies', 'grit']);
    expect(second.code, second.err).toBe(0);
    expect(existsSync(join(dir, 'flashpoints-korea-2024.sqlite'))).toBe(true);
    const edited = inDir(['compare', example, ...tiny, '--set', 'crisis.clashThreshold=5']);
    expect(edited.code, edited.err).toBe(0);
    expect(edited.out).toMatch(/cells computed 6, reused from the store 0/);
  });
});

describe('conventions', () => {
  it('no arguments: help on stderr, nothing on stdout, exit 2', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Usage: flashpoints/);
  });

  it('text output fits 100 columns off a terminal (the reproduce command stays whole)', () => {
    for (const args of [['simulate', korea, '--years', '10'], ['show', korea], ['analyze', korea], ['run', korea, '--runs', '20'], ['compare', korea, ...tiny, '--no-store']]) {
      const r = inDir(args);
      expect(r.code, r.err).toBe(0);
      const wide = r.out.split('\n').filter((l) => [...l].length > 100 && !l.startsWith('reproduce: '));
      expect(wide, args.join(' ')).toEqual([]);
    }
  });

  it('the report counts as many sourced values as show, and prints a [1, 1] range as fixed', () => {
    const shown = JSON.parse(cli(['show', korea, '--json']).out);
    const report = join(dir, 'r.html');
    const r = inDir(['compare', korea, ...tiny, '--no-store', '--policies', 'grit', '--report', report]);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(report, 'utf8');
    const { sourced, assumed, bare } = shown.counts.parameters;
    expect(html).toContain(`${sourced + assumed + bare} parameters: ${sourced} taken from a source, ${assumed} stated as assumptions, ${bare} without either.`);
    const scale = shown.parameters.find((p: { path: string }) => p.path === 'crisis.exercises.scale');
    expect(scale.range).toBeUndefined();
    expect(html).toMatch(/<code>crisis\.exercises\.scale<\/code><\/th><td>1<\/td><td><span class="tag assumed">assumed<\/span><\/td><td>fixed<\/td>/);
  });
});
