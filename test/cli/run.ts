import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, so CLI tests run the built JavaScript exactly as users do. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the built `flashpoints` CLI (build first: `npm test` does). */
export function cli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [`${root}dist/src/cli/main.js`, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', FLASHPOINTS_DEBUG: '', ...opts.env },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A stack trace line: what users must never see. */
export const stackTrace = /^\s+at .*(\.ts|\.js|node:)/m;
