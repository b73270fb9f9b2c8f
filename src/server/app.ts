import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { join } from 'node:path';
import { VERSION } from '../version.js';
import { NumericalError } from '../math/numericalError.js';
import { ApiError, numericalFailure } from './apiError.js';
import { loadBundledScenarios } from './bundled.js';
import { analyzeCommand, showCommand, simulateCommand, validateCommand, type CommandBody } from './commands.js';
import { experimentSpec, KnownScenarios, listStore } from './experiments.js';
import { JobManager } from './jobs.js';
import { jobSpec, type JobContext } from './jobSpecs.js';
import { documentRoutes, openApiDocument } from './openapi.js';
import { packageRoot } from './packageRoot.js';
import { bodyShape, JOB_KINDS, type JobKind } from './schemas.js';
import { staticFile } from './staticApp.js';

/** Options of {@link createApp}: what `flashpoints serve` fixes at start (docs/server.md#limits). */
export interface AppOptions extends Partial<JobContext> {
  /** Largest request body in bytes; more is a 413. Default 4 MiB (the CLI's scenario file limit). */
  maxBodyBytes?: number;
  /** Jobs queued or running at once; one more is a 429. Default 2. */
  maxJobs?: number;
  /** Milliseconds a cancelled job may take to stop before its thread is terminated. Default 5000. */
  graceMs?: number;
  /** Answer only requests whose Host is this machine's loopback name (127.0.0.1, localhost, [::1]). Default true. */
  loopbackOnly?: boolean;
  /** The built app's folder. Default `web/dist/` in the package. */
  webDir?: string;
}

/** The app and what its server needs to stop cleanly. */
export interface FlashpointsApp {
  app: OpenAPIHono;
  jobs: JobManager;
}

/**
 * The HTTP API and the app's files as one Hono app (docs/server.md): every route reads JSON bodies of scenarios
 * and options — never a path — and answers with the documents of the CLI. The store is fixed here, not by requests.
 * Example: `const { app } = createApp({ store: 'flashpoints-korea-2024.sqlite' })`.
 */
export function createApp(o: AppOptions = {}): FlashpointsApp {
  const root = packageRoot();
  const ctx: JobContext = { store: o.store ?? null, threads: o.threads ?? 1, maxThreads: o.maxThreads ?? Math.max(o.threads ?? 1, 2) };
  const bundled = loadBundledScenarios(root);
  const known = new KnownScenarios(bundled.map((b) => b.scenario));
  const jobs = new JobManager({ maxJobs: o.maxJobs, graceMs: o.graceMs });
  const webDir = o.webDir ?? join(root, 'web', 'dist');
  const app = new OpenAPIHono();
  documentRoutes(app);
  const openapi = openApiDocument(app);

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.toJSON(), err.status as 400);
    // Valid input the arms model cannot follow in double precision: the client's input, not the server, is at
    // the limit — its own code, as the CLI gives it its own exit line.
    if (err instanceof NumericalError) {
      const e = numericalFailure(err);
      return c.json(e.toJSON(), e.status as 422);
    }
    return c.json({ error: 'internal', message: err instanceof Error ? err.message : String(err) }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found', message: `no route ${c.req.method} ${c.req.path}`, hint: 'the routes are listed at /openapi.json' }, 404));

  const maxBody = o.maxBodyBytes ?? 4 << 20;
  // A page of another site can send a plain-text POST to localhost without asking (no CORS preflight), and a
  // rebound domain name can point at it: JSON bodies only, and only this machine's names when bound to loopback.
  app.use('*', async (c, next) => {
    if (o.loopbackOnly !== false && !isLoopbackHost(c.req.header('host'))) throw new ApiError('forbidden-host', `the Host header ${JSON.stringify(c.req.header('host') ?? '')} is not this machine's`, { hint: 'open the server as http://127.0.0.1:PORT/ or http://localhost:PORT/; serve --allow-remote accepts other names' });
    if (c.req.method === 'POST' && !/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      await drain(c.req.raw.body, 16 * maxBody);
      throw new ApiError('unsupported-media-type', 'send the body as JSON with Content-Type: application/json');
    }
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBody,
      onError: async (c) => {
        await drain(c.req.raw.body, 16 * maxBody);
        return c.json({ error: 'payload-too-large', message: `the body is larger than ${maxBody} bytes, this server's limit`, hint: '`serve --max-body-mb` raises it' }, 413);
      },
    }),
  );

  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/api/health', (c) => c.json({ ok: true, version: VERSION }));
  app.get('/api/scenarios', (c) => c.json({ scenarios: bundled.map(({ id, name, file, hash }) => ({ id, name, file, hash })) }));
  app.get('/api/scenarios/:id', (c) => {
    const b = bundled.find((s) => s.id === c.req.param('id'));
    if (!b) throw new ApiError('not-found', `no bundled scenario '${c.req.param('id')}'`, { hint: `bundled: ${bundled.map((s) => s.id).join(', ')}` });
    return c.json({ scenario: b.scenario, hash: b.hash });
  });

  const commands = { validate: validateCommand, show: showCommand, simulate: simulateCommand, analyze: analyzeCommand } as const;
  for (const [name, run] of Object.entries(commands)) {
    app.post(`/api/${name}`, async (c) => {
      const body = await readBody(c);
      if (body.kind !== undefined) throw new ApiError('bad-request', '`kind` belongs to POST /api/jobs');
      return c.json(run(body));
    });
  }

  app.post('/api/jobs', async (c) => {
    const body = await readBody(c);
    if (!JOB_KINDS.includes(body.kind as JobKind)) throw new ApiError('bad-request', `kind must be one of ${JOB_KINDS.join(', ')}, got ${JSON.stringify(body.kind ?? null)}`);
    const spec = jobSpec(body.kind as JobKind, body, ctx);
    if (spec.kind === 'compare') known.add(spec.scenario, spec.hash);
    const job = jobs.submit(spec as Exclude<typeof spec, { kind: 'experiment' }>);
    return c.json({ id: job.id, status: job.status }, 202);
  });
  app.get('/api/jobs', (c) => c.json({ jobs: jobs.list() }));
  app.get('/api/jobs/:id', (c) => c.json(jobs.view(c.req.param('id')) ?? notFoundJob(c.req.param('id'))));
  app.delete('/api/jobs/:id', async (c) => c.json(await jobs.cancel(c.req.param('id'))));
  app.get('/api/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    const view = jobs.view(id) ?? notFoundJob(id);
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'progress', data: JSON.stringify(view.progress) });
      await new Promise<void>((resolve) => {
        const stop = jobs.listen(id, (e) => {
          void stream.writeSSE({ event: e.event, data: JSON.stringify(e.data) }).then(() => e.event === 'end' && resolve());
        });
        stream.onAbort(() => {
          stop?.();
          resolve();
        });
      });
    });
  });

  app.get('/api/experiments', (c) => c.json(listStore(ctx.store)));
  app.get('/api/experiments/:id', async (c) => c.json(await jobs.once(experimentSpec(ctx.store, c.req.param('id'), known))));

  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const file = staticFile(webDir, c.req.path, (c.req.header('accept') ?? '').includes('text/html'));
    if (!file) return c.notFound();
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.type });
  });
  return { app, jobs };
}

/**
 * Reads and drops what is left of a refused body, up to `cap` bytes, so the client — still sending — reads the 413
 * instead of a reset connection; a body beyond the cap is cut off.
 */
async function drain(body: ReadableStream<Uint8Array> | null, cap: number): Promise<void> {
  if (!body || body.locked) return;
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || (read += value.byteLength) > cap) break;
    }
  } catch {
    /* the client went away */
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/** Whether a Host header names this machine's loopback interface (with any port). */
function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

function notFoundJob(id: string): never {
  throw new ApiError('not-found', `no job '${id}'`, { hint: 'finished jobs are kept for a while, then forgotten' });
}

/** The body as JSON: malformed JSON, a non-object or unknown keys are a 400. */
async function readBody(c: Context): Promise<CommandBody & { kind?: string }> {
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ApiError('malformed-json', `the body is not JSON: ${err instanceof Error ? err.message : String(err)}`, { hint: 'send {"scenario": {...}, "options": {...}} with Content-Type: application/json' });
  }
  const shape = bodyShape.safeParse(raw);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `'${k}'`).join(', ')}` : `${issue.path.join('.') || 'body'}: ${issue.message}`;
    throw new ApiError('bad-request', `the body is not a request: ${message}`, { hint: 'fields: scenario or yaml, options (and kind for jobs); paths are never read' });
  }
  return shape.data as CommandBody & { kind?: string };
}
