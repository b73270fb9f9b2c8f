import { Redis } from 'ioredis';

/** Redis could not be reached when a coordinator or worker started (the CLI exits 2 with the URL and a hint). */
export class QueueUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`--queue ${url}: cannot reach Redis (${reason})`);
  }
}

/** The queue URL is not a Redis URL. */
export class QueueUrlError extends Error {}

/** Options of `connectQueue`. */
export interface ConnectOptions {
  /** Give up on the first connection after this long, in ms. Default 5000. */
  timeoutMs?: number;
}

/**
 * Opens an ioredis connection to `redis://HOST:PORT/DB` (or `rediss://` for TLS) and waits until it answers PING.
 * Unreachable at start → `QueueUnreachableError` at once (no silent retrying); once connected, a lost connection is
 * retried for ever with a back-off capped at 2 s — the caller decides how long to wait (the coordinator's
 * `lostTimeoutMs`). `maxRetriesPerRequest: null` is what BullMQ requires for its blocking commands. Close with
 * `quit()`. Example: `const redis = await connectQueue('redis://127.0.0.1:6379/0')`.
 */
export async function connectQueue(url: string, o: ConnectOptions = {}): Promise<Redis> {
  if (!/^rediss?:\/\/[^/\s]+(\/\d+)?\/?$/.test(url)) throw new QueueUrlError(`--queue ${url}: expected redis://HOST:PORT/DB (or rediss:// for TLS)`);
  let connected = false;
  let lastError = '';
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: o.timeoutMs ?? 5000,
    retryStrategy: (times) => (connected ? Math.min(100 * times, 2000) : null),
  });
  // ioredis reports every failed attempt as an 'error' event; without a listener it prints them to stderr.
  redis.on('error', (err: Error & { code?: string }) => {
    lastError = err.code ?? err.message;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    const e = err as Error & { code?: string };
    throw new QueueUnreachableError(url, lastError || e.code || e.message);
  }
  connected = true;
  return redis;
}
