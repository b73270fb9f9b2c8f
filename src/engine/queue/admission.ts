import { canonicalJson } from '../../scenario/canonical.js';
import { sha256Hex } from '../../scenario/sha256.js';
import { VERSION } from '../../version.js';
import { cellKind } from './kinds.js';

/** What a cell job carries (the rest of its task is in the experiment's record). */
export interface CellJobData {
  kind: string;
  experiment: string;
  /** The Flashpoints version of the coordinator that enqueued the job. */
  version: string;
  /** sha256 of the canonical JSON of the scenario the experiment runs on. */
  scenarioHash: string;
  /** The cell key, e.g. `dialogue|7`. */
  key: string;
  own: unknown;
}

/** What all cells of an experiment share, stored once under `experimentRecordKey`. */
export interface ExperimentRecord {
  kind: string;
  version: string;
  scenarioHash: string;
  shared: unknown;
}

/** The worker refuses the job: another version, another scenario, an unknown kind. Never retried. */
export class JobRefused extends Error {}

/**
 * Checks a job before a worker looks at its experiment: the same Flashpoints version as this worker (another
 * version may compute other numbers under the same experiment id) and a kind this worker knows.
 * Throws `JobRefused` naming both sides. Example: `admitJob(job.data)`.
 */
export function admitJob(job: CellJobData): void {
  if (job.version !== VERSION) throw new JobRefused(`refused: the job was enqueued by flashpoints ${job.version}, this worker runs ${VERSION}`);
  if (!cellKind(job.kind)) throw new JobRefused(`refused: unknown cell kind '${job.kind}' (this worker runs flashpoints ${VERSION})`);
}

/**
 * Checks the experiment's record against the job: same kind and version, and a scenario whose hash — recomputed
 * here from the scenario the record carries — is the one the job names. Throws `JobRefused`.
 * Example: `admitRecord(job.data, record)` once per experiment and worker (the verdict is cached).
 */
export function admitRecord(job: CellJobData, record: ExperimentRecord): void {
  if (record.version !== job.version || record.kind !== job.kind) throw new JobRefused(`refused: the experiment record is ${record.kind} of ${record.version}, the job ${job.kind} of ${job.version}`);
  const actual = sha256Hex(canonicalJson(cellKind(job.kind)!.scenario(record.shared)));
  if (actual !== job.scenarioHash) throw new JobRefused(`refused: the job names scenario sha256 ${job.scenarioHash.slice(0, 12)}…, the scenario it carries hashes to ${actual.slice(0, 12)}…`);
}
