/**
 * A computation left double precision (overflow, NaN) on input that passed validation: the CLI prints the message
 * and the hint and exits 1, identically in every command (docs/conventions.md#exit-codes). The message names what
 * failed (a stock, a parameter) and when (years from start); `quantity` and `time` carry the same for programs.
 * Example: `throw new NumericalError('numerical failure: …', { quantity: 'PRK.strategic', time: 12.5 })`.
 */
export class NumericalError extends Error {
  readonly quantity?: string;
  readonly time?: number;
  readonly hint: string;
  constructor(message: string, o: { quantity?: string; time?: number; hint?: string } = {}) {
    super(message.startsWith(NUMERICAL_PREFIX) ? message : `${NUMERICAL_PREFIX}${message}`);
    this.name = 'NumericalError';
    this.quantity = o.quantity;
    this.time = o.time;
    this.hint = o.hint ?? NUMERICAL_HINT;
  }
}

/**
 * The hint of a NumericalError unless it names its own (the eigenvalue iterations do, math/realEigenvalues.ts):
 * the same in every command, also when the error crossed a worker thread.
 */
export const NUMERICAL_HINT = 'the values lie within their domains but compound beyond double precision; lower the parameters that feed what is named, or the horizon (every command stops here the same way, exit 1)';

/** Every NumericalError message starts with this, so that one crossing a worker thread is still recognised. */
export const NUMERICAL_PREFIX = 'numerical failure: ';
