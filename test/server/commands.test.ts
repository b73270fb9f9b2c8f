import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cliAsync, cliDoc, koreaYaml, tempDir, testServer } from './fixture.js';

// The quick commands answer with the very document `flashpoints <command> --json` prints for the same scenario.
let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/<command> gives the CLI document', () => {
  it('show, simulate and analyze equal the CLI --json output for the Korea scenario', async () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['show', {}, ['show', 'scenarios/korea-2024.yaml', '--json']],
      ['simulate', { years: 5, step: 0.5 }, ['simulate', 'scenarios/korea-2024.yaml', '--years', '5', '--step', '0.5', '--json']],
      ['analyze', { years: 10, policy: 'dialogue' }, ['analyze', 'scenarios/korea-2024.yaml', '--years', '10', '--policy', 'dialogue', '--json']],
    ];
    for (const [command, options, args] of cases) {
      const r = await call(server.url, 'POST', `/api/${command}`, { yaml: koreaYaml, options });
      expect(r.status, command).toBe(200);
      expect(r.json, command).toEqual(await cliDoc(args));
    }
  });

  it('a bundled scenario fetched as JSON and posted back has the hash of its file', async () => {
    const list = await call(server.url, 'GET', '/api/scenarios');
    // every scenario file the package ships, in file-name order
    const shipped = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => `scenarios/${f}`);
    expect(list.json.scenarios.map((s: { file: string }) => s.file)).toEqual(shipped);
    expect(list.json.scenarios.map((s: { id: string }) => s.id)).toContain('korea-2024');
    for (const entry of list.json.scenarios) {
      const one = await call(server.url, 'GET', `/api/scenarios/${entry.id}`);
      expect(one.json.hash).toBe(entry.hash);
      const v = await call(server.url, 'POST', '/api/validate', { scenario: one.json.scenario });
      expect(v.status).toBe(200);
      expect(v.json.valid).toBe(true);
      expect(v.json.scenario).toEqual({ id: entry.id, hash: (await cliDoc(['validate', entry.file, '--json'])).scenario.hash });
    }
  });

  it('a bad scenario gets the same path: message issues as `validate --json`, with line and column for YAML', async () => {
    const bad = koreaYaml.replace(/^title: .*$/m, 'title: 7').replace('asOf: ', 'asOf: not-a-date # ');
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, bad);
    const r = await cliAsync(['validate', file, '--json']);
    expect(r.code).toBe(2);
    const expected = JSON.parse(r.out).issues.map((i: Record<string, unknown>) => ({ ...i, file: 'body.yaml' }));
    expect(expected.length).toBeGreaterThan(0);
    for (const command of ['validate', 'show', 'simulate', 'analyze']) {
      const api = await call(server.url, 'POST', `/api/${command}`, { yaml: bad });
      expect(api.status, command).toBe(400);
      expect(api.json.error).toBe('bad-scenario');
      expect(api.json.issues, command).toEqual(expected);
    }
    // Sent as an object there is no text to point into: the same paths and messages, no line or column.
    const asObject = await call(server.url, 'POST', '/api/validate', { scenario: { ...(await call(server.url, 'GET', '/api/scenarios/korea-2024')).json.scenario, title: 7 } });
    expect(asObject.status).toBe(400);
    expect(asObject.json.issues).toEqual([{ file: 'body.scenario', line: null, col: null, path: 'title', message: expected.find((i: { path: string }) => i.path === 'title').message, hint: null }]);
  });

  it('overrides are checked as --set is, and change the hash as --set does', async () => {
    const ok = await call(server.url, 'POST', '/api/analyze', { yaml: koreaYaml, options: { set: ['arms.cohesion=0.8'] } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual(await cliDoc(['analyze', 'scenarios/korea-2024.yaml', '--set', 'arms.cohesion=0.8', '--json']));
    const bad = await call(server.url, 'POST', '/api/analyze', { yaml: koreaYaml, options: { set: ['no.such.path=1'] } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('options.set[0]');
  });

  it('no request names a path: file and store fields are refused, options are checked with their bounds', async () => {
    const cases: [string, unknown][] = [
      ['/api/show', { file: '/etc/passwd' }],
      ['/api/show', { yaml: koreaYaml, options: { file: 'x.yaml' } }],
      ['/api/jobs', { kind: 'compare', yaml: koreaYaml, options: { store: '/tmp/other.sqlite' } }],
      ['/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 0 } }],
      ['/api/jobs', { kind: 'run', yaml: koreaYaml, options: { policy: 'nonsense' } }],
      ['/api/jobs', { kind: 'launch', yaml: koreaYaml }],
      ['/api/simulate', { yaml: koreaYaml, options: { years: 5, times: [0, 1] } }],
      ['/api/show', { yaml: koreaYaml, scenario: {} }],
      ['/api/show', [1, 2]],
    ];
    for (const [path, body] of cases) {
      const r = await call(server.url, 'POST', path, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json.error).toMatch(/^bad-/);
      expect(r.json.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
});
