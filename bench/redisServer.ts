// A throw-away redis-server for the distributed benchmark and tests (STACK.md: loopback port, own pidfile, no
// persistence, stopped by its pid).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The redis-server binary, or null when it is not installed (the distributed tests then skip, saying so). */
export const redisServerBin: string | null = (() => {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
})();

/** A free loopback port (bound, read, released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Whether a Redis answers PING on the loopback port. */
export function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => resolve(false));
  });
}

/** A redis-server of one's own (tests, benchmarks): loopback port, own pidfile, no persistence; stopped by its pid. */
export interface RedisServer {
  port: number;
  url(db: number): string;
  /** The server's process id (0 while stopped). */
  pid(): number;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is persisted). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fp-redis-'));
  const port = await freePort();
  const pidfile = join(dir, 'redis.pid');
  let pid = 0;
  const start = async () => {
    execFileSync(redisServerBin!, ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--pidfile', pidfile, '--dir', dir, '--logfile', join(dir, 'redis.log')]);
    for (let i = 0; i < 100; i++) {
      try {
        pid = Number(readFileSync(pidfile, 'utf8'));
        if (pid && (await ping(port))) return;
      } catch {
        // not up yet
      }
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const signal = async (sig: NodeJS.Signals) => {
    if (!pid) return;
    try {
      process.kill(pid, sig);
    } catch {
      return;
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await sleep(50);
    }
    pid = 0;
    rmSync(pidfile, { force: true });
  };
  await start();
  return {
    port,
    url: (db) => `redis://127.0.0.1:${port}/${db}`,
    pid: () => pid,
    kill: () => signal('SIGKILL'),
    start,
    async stop() {
      await signal('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
