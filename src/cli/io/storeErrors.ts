import { InputError } from '../errors.js';
import { StoreError } from '../../engine/storeIntegrity.js';

/**
 * A store problem as the CLI reports it: exit 2, the file and the cell named, and what to do — start a new store,
 * or check this one and set its bad cells aside. Returns undefined for errors that are not store problems.
 */
export function storeInputError(err: unknown): InputError | undefined {
  if (!(err instanceof StoreError)) return undefined;
  const hint =
    err.kind === 'cell'
      ? `run \`flashpoints store check ${err.file} --quarantine\` to set bad cells aside (nothing is deleted; --resume then recomputes them), or give --store NEW`
      : `give --store NEW for a fresh store; \`flashpoints store check ${err.file}\` reports what is wrong with this one`;
  return new InputError([err.message], hint);
}
