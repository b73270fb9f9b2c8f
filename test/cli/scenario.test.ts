import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, stackTrace } from './spawn.js';

describe('flashpoints validate', () => {
  it('accepts the shipped scenarios (exit 0)', () => {
    for (const f of ['scenarios/korea-2024.yaml', 'scenarios/richardson-1909.yaml']) {
      const r = cli(['validate', f]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('valid scenario');
    }
  });

  it('reports every problem as file:line:col path: message with hints, exit 2, no stack trace', () => {
    const r = cli(['validate', 'test/fixtures/scenarios/bad-many.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("test/fixtures/scenarios/bad-many.yaml:3:1 colour: unknown key 'colour'");
    expect(r.err).toContain("test/fixtures/scenarios/bad-many.yaml:8:20 relations[0].to: unknown actor 'Z'");
    expect(r.err).toMatch(/hint: 4 problems/);
    expect(r.err).not.toMatch(stackTrace);
    expect(r.out).toBe('');
  });

  it('says so when the file does not exist (exit 2)', () => {
    const r = cli(['validate', 'no/such.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no/such.yaml: cannot read the scenario (no such file)');
    expect(r.err).not.toMatch(stackTrace);
  });

  it('prints one JSON document with the provenance envelope under --json', () => {
    const r = cli(['validate', 'scenarios/korea-2024.yaml', '--json']);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ command: 'validate', valid: true, scenario: { id: 'korea-2024' } });
    expect(doc.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('flashpoints show', () => {
  it('counts sourced and assumed values and lists the policies and structural uncertainties', () => {
    const r = cli(['show', 'scenarios/korea-2024.yaml', '--json']);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.counts.actors).toBe(9);
    expect(doc.policies.map((p: { id: string }) => p.id)).toEqual(['status-quo', 'asian-nato', 'deterrence-assurance', 'dialogue', 'japan-bridge', 'grit']);
    expect(doc.structural).toEqual([{ id: 'prk-type', default: 'spiral', alternatives: ['spiral', 'regime-driven'] }]);
    // Every Korea value is documented: none is a bare number.
    expect(doc.counts.parameters.bare).toBe(0);
    expect(doc.counts.parameters.sourced).toBeGreaterThan(20);
    const p = doc.parameters.find((x: { path: string }) => x.path === 'actors.KOR.capabilities.conventional.value');
    expect(p).toMatchObject({ value: 48.473, provenance: 'sourced', source: 'sipri-milex-2025' });
  });

  it('prints a readable summary', () => {
    const r = cli(['show', 'scenarios/korea-2024.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/9 actors, \d+ relations/);
    expect(r.out).toContain('structural uncertainty prk-type: spiral | regime-driven');
  });
});

describe('the CLI surface', () => {
  it('prints the JSON Schema', () => {
    const r = cli(['schema']);
    expect(JSON.parse(r.out).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('answers --help on every command with exit 0', () => {
    const top = cli(['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.out.matchAll(/^\s{2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['validate', 'show', 'schema', 'main']));
    for (const c of commands) {
      const r = cli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.out, c).toContain('Usage:');
    }
  });

  it('rejects an unknown command or option with exit 2', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['validate', 'scenarios/korea-2024.yaml', '--frob']).code).toBe(2);
  });

  it('runs the main job: arms dynamics, the policy comparison, and the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'main-'));
    try {
      const report = join(dir, 'report.html');
      const r = cli(['main', '--report', report, '--store', join(dir, 'store.sqlite')]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Korean Peninsula, late 2024');
      expect(r.out).toMatch(/verdict: (stable|unstable|neutral)/);
      for (const id of ['status-quo', 'asian-nato', 'deterrence-assurance', 'dialogue', 'japan-bridge', 'grit']) expect(r.out).toContain(id);
      expect(r.out).toContain(`report written to ${report}`);
      expect(existsSync(report)).toBe(true);
      // which assumptions decide it: two screenings, each with five families and the dummy, then the PRIM boxes
      expect(r.out).toContain('== Which assumptions decide it');
      expect(r.out).toMatch(/P\(war\) under status-quo:\n(  \S.*μ\* \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\].*\n){5}  dummy \(run-to-run noise\)/);
      expect(r.out).toMatch(/P\(war\) under [a-z-]+ − P\(war\) under status-quo:/);
      expect(r.out).toMatch(/Where each policy beats the status quo \(PRIM/);
      expect(readFileSync(report, 'utf8')).toContain('<section id="deciding">');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // ~25 s on an idle two-core machine; the margin is for a shared machine under heavy load (3½ min seen).
  }, 600_000);
});
