import { ping, redisServerBin, startRedisServer, type RedisServer } from '../../../bench/redisServer.js';

export { freePort, redisServerBin, startRedisServer, type RedisServer } from '../../../bench/redisServer.js';

/** Why the distributed tests are skipped, printed once. */
export function skipNotice(): void {
  if (!redisServerBin) console.warn('SKIPPED: redis-server not found — the distributed tests need the Debian package redis-server (apt-get install -y redis-server; .ci/run installs it)');
}

/**
 * The Redis of the tests that do not kill it: the one `.ci/run` started (`FLASHPOINTS_TEST_REDIS_PORT`), else one
 * of the test file's own. `stop()` stops only a server this file started.
 */
export async function sharedRedis(): Promise<Pick<RedisServer, 'port' | 'url' | 'stop'>> {
  const port = Number(process.env.FLASHPOINTS_TEST_REDIS_PORT);
  if (port && (await ping(port))) return { port, url: (db) => `redis://127.0.0.1:${port}/${db}`, stop: async () => {} };
  return startRedisServer();
}

