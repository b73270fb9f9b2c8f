/** Human-readable output of `flashpoints fit` (when not --json): a coefficient table and key statistics. */

/** Formats a number for a table: 6 significant digits, exponent form for very small or large magnitudes. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-4 || a >= 1e7 ? v.toExponential(4) : String(Number(v.toPrecision(6)));
}

/** Formats a number with 4 significant digits, for cells that hold a value and its interval. */
export function fmtShort(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e6 ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

/** `value [lo, hi]` in 4 significant digits. */
export function withBand(v: number, lo: number, hi: number): string {
  return `${fmtShort(v)} [${fmtShort(lo)}, ${fmtShort(hi)}]`;
}

/** Prints rows under a header as a plain table on stdout. */
export async function printTable(head: string[], rows: (string | number | null)[][]): Promise<void> {
  const { fitTable } = await import('../render/table.js');
  process.stdout.write(fitTable(head, rows.map((r) => r.map((c) => (typeof c === 'number' || c === null ? fmt(c) : c)))) + '\n');
}

/** Prints `key: value` lines. */
export function printStats(stats: Record<string, number | string | null | undefined>): void {
  for (const [k, v] of Object.entries(stats)) process.stdout.write(`${k}: ${typeof v === 'string' ? v : fmt(v)}\n`);
}
