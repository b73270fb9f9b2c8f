import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, truncateSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root, stackTrace } from './spawn.js';

// One regression test per family of issue 17, each through the built CLI as users run it.
const tmp = mkdtempSync(join(tmpdir(), 'hardening-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const korea = join(root, 'scenarios/korea-2024.yaml');
const file = (name: string, text: string) => (writeFileSync(join(tmp, name), text), join(tmp, name));
const small = ['--futures', '2', '--runs', '2', '--horizon', '12'];

/** Exit 2, a located message, no stack trace. */
function refused(r: ReturnType<typeof cli>, message: string | RegExp) {
  expect(r.err).not.toMatch(stackTrace);
  expect(r.code, r.err).toBe(2);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
}

const twoActors = (growth: string, elasticity: string) => `id: x
title: t
actors:
  - id: A
    name: a
    capabilities:
      conventional: { value: 10, unit: bn, baseYear: 2024, growth: ${growth}, elasticity: ${elasticity} }
  - id: B
    name: b
    capabilities:
      conventional: { value: 10, unit: bn, baseYear: 2024, growth: ${growth}, elasticity: ${elasticity} }
relations:
  - { from: A, to: B, hostility: 1, mutual: true }
policies:
  - { id: status-quo, title: Status quo, description: as is }
`;

describe('1. saved work is never destroyed', () => {
  it('compare refuses --report equal to the store (before any work) and leaves the store intact', () => {
    const store = join(tmp, 's1.sqlite');
    expect(cli(['compare', korea, ...small, '--store', store]).code).toBe(0);
    const before = readFileSync(store);
    const t0 = Date.now();
    refused(cli(['compare', korea, ...small, '--store', store, '--report', store]), `--report ${store}: is the store ${store}; writing it would destroy it`);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(readFileSync(store).equals(before)).toBe(true);
  });

  it('data import refuses --out equal to --in, also through a symbolic link, and keeps the input', () => {
    const input = file('in.json', '{"timeBins":[{"data":[{"date":"2020-01-01","missile":"x"}]}]}');
    const link = join(tmp, 'link.json');
    symlinkSync(input, link);
    refused(cli(['data', 'import', 'cns', '--in', input, '--out', input]), `--out ${input}: is the input ${input}`);
    refused(cli(['data', 'import', 'cns', '--in', input, '--out', link]), `--out ${link}: is the input ${input}`);
    expect(readFileSync(input, 'utf8')).toContain('timeBins');
  });

  it('writes are atomic: the output is replaced whole and no temporary file is left', () => {
    const input = file('in2.json', '{"timeBins":[{"data":[{"date":"2020-01-01","missile":"x"}]}]}');
    const out = file('out.csv', 'old content\n');
    expect(cli(['data', 'import', 'cns', '--in', input, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('month,events,missiles\n2020-01,1,1\n');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('2. allocation is checked before it happens', () => {
  it('simulate refuses 10⁹ output times at once, with the limit, and --times beyond the horizon', () => {
    const t0 = Date.now();
    refused(cli(['simulate', korea, '--years', '1000', '--step', '0.000001', '--json']), 'asks for 1,000,000,001 output times, above the limit of 1,000,000');
    expect(Date.now() - t0).toBeLessThan(5000);
    refused(cli(['simulate', korea, '--times', '1e308']), "--times must be a comma-separated list of years in [0, 1000], got '1e308'");
  });

  it('a scenario above the size limit is refused from its size; --max-input-mb raises the limit', () => {
    const big = file('big.yaml', `id: x\ntitle: t\nactors: [{ id: A, name: a }]\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    refused(cli(['validate', big]), /big\.yaml: the scenario is 5\.0 MiB, above the limit of 4\.0 MiB for scenario files\nhint: raise the limit with --max-input-mb 6/);
    expect(cli(['validate', big, '--max-input-mb', '8']).code).toBe(0);
  });

  it('a 100,000-deep JSON data file is refused at the depth limit', () => {
    const deep = file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    refused(cli(['data', 'import', 'cns', '--in', deep]), `${deep}:1:257: arrays and objects nest deeper than 256 levels`);
  });

  it('crisis histograms and comparison cells are sized before they are allocated', () => {
    const many = file('many.yaml', `id: x\ntitle: t\nactors:\n${Array.from({ length: 100 }, (_, i) => `  - { id: A${i}, name: a }`).join('\n')}\n`);
    refused(cli(['run', many, '--runs', '2', '--horizon', '1200']), /the crisis model would hold [\d,]+ histogram entries \(1,200 months × [\d,]+ score values for 100 actors × 3 aggregates in flight\), above the limit of 50,000,000\nhint: shorten --horizon to at most \d+ months/);
    refused(cli(['compare', korea, '--futures', '1000000', '--horizon', '12000', '--no-store']), /the comparison would hold [\d,]+ cell-months \(6 policies × 1,000,000 futures × 12,000 months\), above the limit of 20,000,000/);
  });

  it('threads above 4 × the cores are refused with the limit', () => {
    refused(cli(['run', korea, '--runs', '2', '--threads', '256']), /--threads 256 is more than 4 × \d+ cores = \d+, the limit/);
  });
});

describe('3. only regular files are read', () => {
  it('devices and FIFOs are refused at once instead of hanging or aborting', () => {
    const fifo = join(tmp, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const args of [['validate', '/dev/zero'], ['validate', '/dev/urandom'], ['data', 'import', 'cns', '--in', '/dev/zero'], ['validate', fifo], ['fit', 'ols', '--data', fifo, '--y', 'a', '--x', 'b']]) {
      const t0 = Date.now();
      refused(cli(args), 'is not a regular file (a device, FIFO or socket)');
      expect(Date.now() - t0).toBeLessThan(5000);
    }
  });
});

describe('4. YAML features are input errors, located', () => {
  it('an unresolved alias, a recursive merge key and a tag exit 2 with file:line:col and a hint', () => {
    const head = 'id: x\ntitle: t\nactors:\n  - id: A\n    name: a\n';
    refused(cli(['validate', file('alias.yaml', `${head}zz: *nope\n`)]), /alias\.yaml:6:5 \(document\): alias \*nope refers to no anchor &nope defined before it\n  hint: /);
    refused(cli(['validate', file('merge.yaml', `${head}a: &x\n  b: 1\n  <<: *x\n`)]), /merge\.yaml:8:7 \(document\): alias \*x lies inside the value it names/);
    refused(cli(['validate', file('tag.yaml', `${head}note: !!binary aGk=\n`)]), /tag\.yaml:6:16 \(document\): YAML tag !!binary is not supported/);
  });
});

describe('5. a scenario that validates can be simulated, run and compared', () => {
  it('one actor, no stocks, no policies: every command succeeds, and says the arms model is empty', () => {
    const one = file('one.yaml', 'id: x\ntitle: t\nactors:\n  - id: A\n    name: a\n');
    expect(cli(['validate', one]).code).toBe(0);
    const sim = cli(['simulate', one, '--json']);
    expect(sim.code, sim.err).toBe(0);
    expect(JSON.parse(sim.out).series).toEqual({});
    const an = cli(['analyze', one, '--json']);
    expect(an.code, an.err).toBe(0);
    expect(JSON.parse(an.out).verdict).toMatch(/^no capability stocks/);
    expect(cli(['run', one, '--runs', '2', '--horizon', '2']).code).toBe(0);
    const cmp = cli(['compare', one, ...small, '--no-store', '--json']);
    expect(cmp.code, cmp.err).toBe(0);
    expect(JSON.parse(cmp.out).policies.map((p: { id: string }) => p.id)).toEqual(['status-quo']);
  });

  it('magnitudes beyond their domains fail validate, located', () => {
    refused(cli(['validate', file('huge.yaml', twoActors('1e30', '1e308'))]), /huge\.yaml:7:68 actors\[0\]\.capabilities\.conventional\.growth: 1e\+30 is outside the allowed domain \[-1, 1\]/);
  });

  it('what still overflows exits 1 with the same message in simulate, analyze, run and compare', () => {
    const max = file('max.yaml', twoActors('1', '10'));
    const lines = [
      cli(['simulate', max, '--years', '1000', '--step', '100']),
      cli(['analyze', max, '--years', '1000']),
      cli(['run', max, '--runs', '2', '--horizon', '1200']),
      cli(['compare', max, '--futures', '2', '--runs', '2', '--horizon', '12000', '--no-store']),
    ].map((r) => {
      expect(r.code, r.err).toBe(1);
      expect(r.err).not.toMatch(stackTrace);
      // warnings about the scenario (run and compare print them first) are not part of the failure's message
      return r.err.slice(r.err.indexOf('flashpoints: '));
    });
    expect(lines[0]).toMatch(/^flashpoints: numerical failure: the arms model leaves double precision at t ≈ [\d.]+ years from start: stock A\.conventional grows without bound\nhint: /);
    expect(new Set(lines).size).toBe(1);
  });
});

describe('6. the store', () => {
  const base = join(tmp, 'base.sqlite');
  const fresh = (name: string) => (copyFileSync(base, join(tmp, name)), join(tmp, name));
  it('a truncated, a garbage and a directory store exit 2 naming the file, with a hint', () => {
    expect(cli(['compare', korea, ...small, '--store', base]).code).toBe(0);
    new Database(base).pragma('wal_checkpoint(TRUNCATE)');
    const cut = fresh('cut.sqlite');
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    refused(cli(['compare', korea, ...small, '--store', cut, '--resume']), new RegExp(`${cut}: cannot open the store: the SQLite file is damaged.*\\nhint: give --store NEW`));
    const junk = file('junk.sqlite', 'x'.repeat(8192));
    refused(cli(['compare', korea, ...small, '--store', junk]), `${junk}: cannot open the store: it is not an SQLite database`);
    const dir = join(tmp, 'storedir');
    mkdirSync(dir);
    refused(cli(['compare', korea, ...small, '--store', dir]), `--store ${dir}: is a directory, not a store file`);
    refused(cli(['compare', korea, ...small, '--store', '']), '--store: the path is empty');
  });

  it('an edited cell ({} or another warRuns) is caught by its checksum, named, and can be quarantined', () => {
    const s = fresh('edit.sqlite');
    const db = new Database(s);
    db.prepare("UPDATE cells SET data = '{}' WHERE policy = 'status-quo' AND future = 0").run();
    // Another warRuns: the first count in the cell's data, whatever it is, plus one.
    const row = db.prepare("SELECT data FROM cells WHERE policy = 'dialogue' AND future = 1").get() as { data: string };
    const edited = row.data.replace(/"warRuns":(\d+)/, (_m, n: string) => `"warRuns":${Number(n) + 1}`);
    expect(edited).not.toBe(row.data);
    db.prepare("UPDATE cells SET data = ? WHERE policy = 'dialogue' AND future = 1").run(edited);
    db.close();
    refused(cli(['compare', korea, ...small, '--store', s, '--resume']), /cell \(policy '.+', future \d\) of experiment [0-9a-f]{12}… is corrupt: its checksum does not match its content.*\nhint: run `flashpoints store check .*edit\.sqlite --quarantine`/);
    const report = cli(['store', 'check', s, '--json']);
    expect(report.code).toBe(2);
    expect(JSON.parse(report.out).bad.map((b: { policy: string; future: number }) => `${b.policy}|${b.future}`).sort()).toEqual(['dialogue|1', 'status-quo|0']);
    expect(cli(['store', 'check', s, '--quarantine']).code).toBe(0);
    const after = new Database(s);
    expect((after.prepare('SELECT COUNT(*) AS n FROM quarantine').get() as { n: number }).n).toBe(2);
    after.close();
    const resumed = cli(['compare', korea, ...small, '--store', s, '--resume']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toMatch(/cells computed 2, reused from the store \d+/);
  });
});

describe('7. smaller fixes', () => {
  it('calibrate --out DIR, --figure in a missing folder and empty paths exit 2 before any work', () => {
    refused(cli(['calibrate', 'arms', korea, '--data', tmp, '--out', tmp]), `--out ${tmp}: is a directory, not a file`);
    refused(cli(['calibrate', 'arms', korea, '--data', tmp, '--figure', '/nonexistent/f.svg']), '--figure /nonexistent/f.svg: the folder /nonexistent does not exist');
    refused(cli(['compare', korea, ...small, '--no-store', '--report', '']), '--report: the path is empty');
    refused(cli(['compare', korea, '--futures', '1000', '--runs', '1000', '--no-store', '--report', '/nonexistent/r.html']), '--report /nonexistent/r.html: the folder /nonexistent does not exist');
  });

  it('fit: a header-only CSV says so; a bad cell has line:col and a hint', () => {
    refused(cli(['fit', 'var', '--data', file('h.csv', 'a,b\n'), '--vars', 'a,b']), /h\.csv:2:1: the file has a header \(a, b\) but no data rows\nhint: /);
    refused(cli(['fit', 'ols', '--data', file('c.csv', 'a,b\n1,2\n3,x\n'), '--y', 'a', '--x', 'b']), /c\.csv:3:3: column 'b': 'x' is not a number\nhint: /);
  });

  it("--countries ',,;' is refused", () => {
    refused(cli(['data', 'import', 'cow-mid', '--in', korea, '--countries', ',,;']), "--countries: ',,' is not a country name or code");
  });
});
