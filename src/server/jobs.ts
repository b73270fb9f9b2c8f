import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ApiError } from './apiError.js';
import type { JobMessage } from './jobWorker.js';
import type { JobSpec } from './jobSpecs.js';
import { builtServerFile } from './packageRoot.js';
import type { JobProgress } from './runJob.js';

/** A job's state, as `GET /api/jobs/:id` shows it (docs/server.md#jobs). */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** One job kept by the server. */
interface Job {
  id: string;
  kind: 'run' | 'compare' | 'sensitivity';
  status: JobStatus;
  progress: JobProgress;
  result?: Record<string, unknown>;
  error?: { message: string };
  createdAt: string;
  worker?: Worker;
  cancel: Int32Array;
  /** Resolves when the worker thread has exited. */
  ended: Promise<void>;
  listeners: Set<(event: JobEvent) => void>;
}

/** What a job's event stream carries: progress, then one final event with the job's view. */
export type JobEvent = { event: 'progress'; data: JobProgress } | { event: 'end'; data: Record<string, unknown> };

/** Options of {@link JobManager}. */
export interface JobManagerOptions {
  /** Jobs queued or running at once, at most; one more is refused with 429. Default 2. */
  maxJobs?: number;
  /** Finished jobs kept for GET, at most (the oldest are forgotten). Default 100. */
  keepFinished?: number;
  /** Milliseconds a cancelled job may take to stop at its next batch or cell before its thread is terminated. Default 5000. */
  graceMs?: number;
}

const FINAL: JobStatus[] = ['done', 'failed', 'cancelled'];

/**
 * The server's jobs: each runs in its own worker thread (jobWorker.ts), reports progress to listeners (the SSE
 * stream), and stops cleanly when cancelled — at its next batch or cell, every stored cell kept; a thread that does
 * not stop within the grace time is terminated (a cell being written is a transaction, so the store stays whole).
 * Example: `const jobs = new JobManager({ maxJobs: 2 }); const id = jobs.submit(spec).id;`.
 */
export class JobManager {
  private readonly jobs = new Map<string, Job>();
  private readonly maxJobs: number;
  private readonly keepFinished: number;
  private readonly graceMs: number;
  private closing = false;

  constructor(o: JobManagerOptions = {}) {
    this.maxJobs = o.maxJobs ?? 2;
    this.keepFinished = o.keepFinished ?? 100;
    this.graceMs = o.graceMs ?? 5000;
  }

  /** Jobs queued or running now. */
  active(): number {
    return [...this.jobs.values()].filter((j) => !FINAL.includes(j.status)).length;
  }

  /** Starts a job; 429 when `maxJobs` are already active, 503 once the server is shutting down. */
  submit(spec: Exclude<JobSpec, { kind: 'experiment' }>): Job {
    if (this.closing) throw new ApiError('shutting-down', 'the server is shutting down');
    if (this.active() >= this.maxJobs) throw new ApiError('too-many-jobs', `${this.maxJobs} job${this.maxJobs === 1 ? ' is' : 's are'} already queued or running, the server's limit`, { hint: 'wait for one to finish (GET /api/jobs/{id}) or cancel one (DELETE /api/jobs/{id}); `serve --max-jobs` sets the limit' });
    const job = this.start(spec, randomUUID());
    this.jobs.set(job.id, job);
    this.forgetOld();
    return job;
  }

  /**
   * Runs a spec in a worker thread outside the job list (reading back a stored experiment) and resolves with its
   * document; counts against `maxJobs` while it runs.
   */
  async once(spec: JobSpec): Promise<Record<string, unknown>> {
    if (this.closing) throw new ApiError('shutting-down', 'the server is shutting down');
    if (this.active() >= this.maxJobs) throw new ApiError('too-many-jobs', `${this.maxJobs} jobs are already running, the server's limit`);
    const job = this.start(spec, `once-${randomUUID()}`);
    this.jobs.set(job.id, job);
    try {
      await job.ended;
      if (job.status !== 'done') throw new Error(job.error?.message ?? `the read was ${job.status}`);
      return job.result!;
    } finally {
      this.jobs.delete(job.id);
    }
  }

  private start(spec: JobSpec, id: string): Job {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(builtServerFile('jobWorker'), { workerData: { spec, cancel } });
    let ended!: () => void;
    const job: Job = {
      id,
      kind: spec.kind === 'experiment' ? 'compare' : spec.kind,
      status: 'queued',
      progress: { done: 0, total: 0 },
      createdAt: new Date().toISOString(),
      worker,
      cancel,
      ended: new Promise((r) => (ended = r)),
      listeners: new Set(),
    };
    worker.on('online', () => job.status === 'queued' && (job.status = 'running'));
    worker.on('message', (m: JobMessage) => {
      if (m.type === 'progress') {
        job.status = 'running';
        job.progress = m.progress;
        this.emit(job, { event: 'progress', data: m.progress });
      } else if (m.type === 'done') this.finish(job, 'done', { result: m.result });
      else if (m.type === 'cancelled') this.finish(job, 'cancelled', { error: { message: 'the job was cancelled' } });
      else this.finish(job, 'failed', { error: { message: m.message } });
    });
    worker.on('error', (err) => this.finish(job, Atomics.load(cancel, 0) ? 'cancelled' : 'failed', { error: { message: err.message } }));
    worker.on('exit', () => {
      if (!FINAL.includes(job.status)) this.finish(job, Atomics.load(cancel, 0) ? 'cancelled' : 'failed', { error: { message: Atomics.load(cancel, 0) ? 'the job was cancelled' : 'the job stopped without a result' } });
      job.worker = undefined;
      ended();
    });
    return job;
  }

  private finish(job: Job, status: JobStatus, part: { result?: Record<string, unknown>; error?: { message: string } }): void {
    if (FINAL.includes(job.status)) return;
    job.status = status;
    if (part.result) job.result = part.result;
    if (part.error) job.error = part.error;
    this.emit(job, { event: 'end', data: this.view(job.id)! });
    job.listeners.clear();
  }

  private emit(job: Job, e: JobEvent): void {
    for (const l of job.listeners) l(e);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => FINAL.includes(j.status));
    for (const j of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(j.id);
  }

  /** The job as the API shows it, or undefined for an unknown id. */
  view(id: string): Record<string, unknown> | undefined {
    const j = this.jobs.get(id);
    if (!j || id.startsWith('once-')) return undefined;
    return { id: j.id, kind: j.kind, status: j.status, progress: j.progress, ...(j.result ? { result: j.result } : {}), ...(j.error ? { error: j.error } : {}), createdAt: j.createdAt };
  }

  /**
   * Every job the server keeps (queued, running, and the last finished ones), oldest first, as `GET /api/jobs`
   * lists them: what `view` shows without the result, which can be large — `GET /api/jobs/{id}` has it.
   */
  list(): Record<string, unknown>[] {
    return [...this.jobs.keys()].filter((id) => !id.startsWith('once-')).map((id) => {
      const { result: _r, ...rest } = this.view(id)!;
      return rest;
    });
  }

  /**
   * Listens to a job's events; a finished job gets its final event at once. Returns the function that stops
   * listening, or undefined for an unknown job.
   */
  listen(id: string, listener: (e: JobEvent) => void): (() => void) | undefined {
    const j = this.jobs.get(id);
    if (!j || id.startsWith('once-')) return undefined;
    if (FINAL.includes(j.status)) {
      listener({ event: 'end', data: this.view(id)! });
      return () => {};
    }
    j.listeners.add(listener);
    return () => j.listeners.delete(listener);
  }

  /**
   * Cancels a queued or running job and resolves once its thread has stopped (at its next batch or cell, or
   * terminated after the grace time). 404 for an unknown job, 409 for a finished one.
   */
  async cancel(id: string): Promise<Record<string, unknown>> {
    const j = this.jobs.get(id);
    if (!j || id.startsWith('once-')) throw new ApiError('not-found', `no job '${id}'`);
    if (FINAL.includes(j.status)) throw new ApiError('conflict', `job '${id}' has already finished (${j.status})`);
    await this.stop(j);
    return this.view(id)!;
  }

  private async stop(j: Job): Promise<void> {
    Atomics.store(j.cancel, 0, 1);
    const timer = setTimeout(() => void j.worker?.terminate(), this.graceMs);
    await j.ended;
    clearTimeout(timer);
  }

  /** Refuses new jobs, cancels every active one and waits until all their threads have stopped. */
  async shutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.jobs.values()].filter((j) => j.worker).map((j) => this.stop(j)));
  }
}
