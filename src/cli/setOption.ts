// The `--set PATH=VALUE` option shared by the model commands, apart from scenarioInput.ts so that registering a
// command loads no scenario code.

/** Commander collector of a repeatable `--set PATH=VALUE`. */
export function collectSet(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The help line of `--set`, shared by every model command. */
export const SET_HELP = 'set a parameter, PATH=VALUE (repeatable; paths as in docs/scenario-format.md#paths, checked like the file)';
