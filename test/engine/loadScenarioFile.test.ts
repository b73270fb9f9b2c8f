import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, ScenarioFileError } from '../../src/engine/loadScenarioFile.js';
import { parseScenario } from '../../src/scenario/load.js';

const dir = mkdtempSync(join(tmpdir(), 'load-scenario-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const korea = new URL('../../scenarios/korea-2024.yaml', import.meta.url).pathname;

describe('loadScenarioFile', () => {
  it('returns the scenario and the same hash as parsing the text', async () => {
    const { readFileSync } = await import('node:fs');
    const { scenario, hash } = loadScenarioFile(korea);
    const parsed = parseScenario(readFileSync(korea, 'utf8'), korea);
    expect(parsed.ok && parsed.hash).toBe(hash);
    expect(scenario.id).toBe('korea-2024');
  });

  it('throws ScenarioFileError with every located issue of an invalid file', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: x\ntitle: X\nactors:\n  - { id: A, name: A }\nrelations:\n  - { from: A, to: B, hostility: 2 }\n');
    let err: unknown;
    try {
      loadScenarioFile(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioFileError);
    const issues = (err as ScenarioFileError).issues;
    expect(issues.map((i) => `${i.line}:${i.path}`)).toEqual(['6:relations[0].to', '6:relations[0].hostility']);
    expect((err as Error).message).toContain(`${file}:6:`);
  });

  it('reports a file it cannot read as one issue at line 0', () => {
    expect(() => loadScenarioFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml:0:0 \(document\): cannot read the file \(ENOENT\)/);
  });
});
