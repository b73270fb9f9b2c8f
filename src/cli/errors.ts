/**
 * Errors the CLI turns into exit codes without a stack trace (DESIGN.md §6): bad input or usage → 2,
 * a failure while running → 1. `lines` are printed one per line, each already in `file:line:col path: message`
 * form where a file is involved; `hint` follows them.
 */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly lines: string[],
    readonly hint?: string,
  ) {
    super(lines.join('\n'));
    this.name = 'InputError';
  }
}

export function inputError(message: string, hint?: string): InputError {
  return new InputError([message], hint);
}
