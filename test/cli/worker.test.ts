import { describe, expect, it } from 'vitest';
import { cli, stackTrace } from './spawn.js';

// The worker's own work is tested end to end in test/engine/queue/distributed.test.ts; here, its command line.
describe('flashpoints worker', () => {
  it.each([
    [[], /required option '--queue <url>' not specified/],
    [['--queue', 'redis://127.0.0.1:6379/0', '--concurrency', '0'], /--concurrency must be an integer in \[1, 256\], got '0'/],
    [['--queue', 'redis://127.0.0.1:6379/0', '--lock-duration', '5'], /--lock-duration must be an integer in \[100, 3600000\]/],
    [['--queue', 'localhost:6379'], /--queue localhost:6379: expected redis:\/\/HOST:PORT\/DB/],
  ])('rejects %j with exit 2 and a message', (args, message) => {
    const r = cli(['worker', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
  });

  it('documents its options in --help', () => {
    const r = cli(['worker', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--queue <url>', '--concurrency <n>', '--lock-duration <ms>', '--stalled-interval <ms>']) expect(r.out).toContain(o);
  });
});
