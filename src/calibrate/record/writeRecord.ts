import type { RecordTarget } from '../../scenario/record.js';

/**
 * Writes the `record:` section into scenario YAML text: replaces the top-level `record:` block when there is one
 * (up to the next top-level key or the end), else appends it. Each target is one flow map (JSON, which is valid
 * YAML) so the section stays diff-friendly. A target's `discrepancy` already in the scenario is kept: it is the
 * scenario's assumption, not the data's. Pure: text in, text out.
 */
export function writeRecord(text: string, targets: readonly RecordTarget[], existing: readonly RecordTarget[] = [], note = ''): string {
  const kept = targets.map((t) => {
    const old = existing.find((e) => e.id === t.id);
    return old ? { ...t, discrepancy: old.discrepancy } : t;
  });
  const block = [
    '# The record the futures are weighted on (history matching, docs/calibration.md#record). Observed values are',
    '# recomputed from the data by `flashpoints calibrate record <scenario> --data <dir> --write`; discrepancies are',
    `# assumptions the scenario owns (a rerun keeps them).${note ? ` ${note}` : ''}`,
    'record:',
    '  method: history-matching',
    '  cutoff: 3',
    '  targets:',
    ...kept.map((t) => `    - ${JSON.stringify(t).replace(/":/g, '": ')}`),
    '',
  ].join('\n');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^record:\s*$/.test(l));
  if (start < 0) return `${text.replace(/\n*$/, '\n')}\n${block}`;
  // Take the comment lines just above `record:` with it.
  let from = start;
  while (from > 0 && lines[from - 1].startsWith('#')) from--;
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]))) end++;
  // At the end of the file the loop above also takes the empty line after the last newline: keep the file's end.
  const rest = end < lines.length ? lines.slice(end) : [''];
  return [...lines.slice(0, from), ...block.replace(/\n$/, '').split('\n'), ...rest].join('\n');
}
