import type { IssueJson } from '../engine/commandDocuments.js';
import type { NumericalError } from '../math/numericalError.js';

/** The error codes of the API, each with its HTTP status (docs/server.md#errors). */
export const ERROR_STATUS = {
  'malformed-json': 400,
  'bad-request': 400,
  'bad-scenario': 400,
  'forbidden-host': 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'numerical-failure': 422,
  'too-many-jobs': 429,
  internal: 500,
  'shutting-down': 503,
} as const;

/** The `error` field of an error body. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A failure a request is answered with: a status from ERROR_STATUS and the JSON body
 * `{ error: code, message, hint?, issues? }`, where `issues` are the CLI's `path: message` issues.
 * Example: `throw new ApiError('bad-scenario', 'the scenario is not valid', { issues })`.
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { hint?: string; issues?: IssueJson[]; body?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  /** The response body. */
  toJSON(): Record<string, unknown> {
    return { ...this.extra.body, error: this.code, message: this.message, ...(this.extra.hint ? { hint: this.extra.hint } : {}), ...(this.extra.issues ? { issues: this.extra.issues } : {}) };
  }
}

/**
 * A NumericalError (src/math/numericalError.ts) as the API answers it: 422 `numerical-failure` — the input was
 * valid, the computation on it left double precision — with the CLI's message and hint, and what failed and when
 * (`quantity`, `time` in years from start) for programs. Example: `throw numericalFailure(err)`.
 */
export function numericalFailure(err: NumericalError): ApiError {
  const where = { ...(err.quantity !== undefined ? { quantity: err.quantity } : {}), ...(err.time !== undefined && Number.isFinite(err.time) ? { time: err.time } : {}) };
  return new ApiError('numerical-failure', err.message, { hint: err.hint, body: where });
}
