import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCalibrateCrisis } from '../../src/cli/calibrate/crisis.js';
import { InputError } from '../../src/cli/errors.js';

/** A fresh `flashpoints calibrate` program with the crisis subcommand, as the lead wires it. */
function program(): Command {
  const p = new Command('flashpoints').exitOverride();
  const calibrate = p.command('calibrate').exitOverride();
  registerCalibrateCrisis(calibrate);
  for (const c of calibrate.commands) c.exitOverride();
  return p;
}

const run = (...args: string[]) => program().parseAsync(['node', 'flashpoints', 'calibrate', 'crisis', ...args]);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('flashpoints calibrate crisis', () => {
  it('is bad input (exit 2) with a clear message when the data directory is absent', async () => {
    const err = await run('scenarios/korea-2024.yaml', '--data', '/no/such/dir').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    expect((err as InputError).message).toContain("no data directory at '/no/such/dir'");
    expect((err as InputError).hint).toContain('SOURCES.md');
  });

  it('is bad input when a data file is missing from the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-'));
    dirs.push(dir);
    const err = await run('scenarios/korea-2024.yaml', '--data', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('missing nk_missile_tests/nk_missile_tests_1984_2026.csv');
  });

  it('rejects an unknown exercise treatment', async () => {
    const err = await run('scenarios/korea-2024.yaml', '--treatment', 'weekly').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('--treatment must be one of cycle, recorded, spring-long');
  });
});
