import { describe, expect, it } from 'vitest';
import { writeRecord } from '../../../src/calibrate/record/writeRecord.js';
import type { RecordTarget } from '../../../src/scenario/record.js';

const target = { id: 'no-war-peninsula', title: 'No war', kind: 'noWar', group: 'peninsula', from: 1954, to: 2024, source: 'cow-mid-5', discrepancy: { value: 0, assumption: 'face value', range: [0, 0.5] } } as unknown as RecordTarget;

describe('writeRecord', () => {
  it('replaces a record section at the end of the file and keeps the final newline; a rerun changes nothing', () => {
    const text = 'id: x\nactors: []\n\nrecord:\n  method: history-matching\n  targets: []\n';
    const out = writeRecord(text, [target]);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.startsWith('id: x\nactors: []\n\n# The record')).toBe(true);
    expect(writeRecord(out, [target], [target])).toBe(out);
  });

  it('keeps the keys after a record section in the middle of the file', () => {
    const text = 'id: x\nrecord:\n  targets: []\nlevers: []\n';
    const out = writeRecord(text, [target]);
    expect(out.endsWith('}\nlevers: []\n')).toBe(true);
  });
});
