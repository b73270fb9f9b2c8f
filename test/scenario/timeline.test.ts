import { describe, expect, it } from 'vitest';
import { expandTimeline, monthOf, yearsBetween } from '../../src/scenario/timeline.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

const s = scenarioSchema.parse({
  id: 't',
  title: 'T',
  asOf: '2024-11-30',
  start: '2024-12-01',
  sources: [{ id: 's', title: 'S' }],
  actors: [{ id: 'X', name: 'X' }],
  timeline: [
    { date: '2025-03-10', endDate: '2025-03-21', title: 'FS', kind: 'exercise', scheduled: true, repeatYearlyUntil: '2027-12-31', source: 's' },
    { date: '2024-10-31', title: 'launch', source: 's' },
    { date: '2028-02-29', title: 'leap', source: 's', repeatYearlyUntil: '2029-12-31' },
  ],
});

describe('timeline', () => {
  it('month 1 is the month after asOf', () => {
    expect(monthOf('2024-12-15', '2024-11-30')).toBe(1);
    expect(monthOf('2025-11-01', '2024-11-30')).toBe(12);
    expect(monthOf('2024-11-01', '2024-11-30')).toBe(0);
  });

  it('counts years on 365.25 days', () => {
    expect(yearsBetween('2024-12-01', '2025-12-01')).toBeCloseTo(365 / 365.25, 12);
  });

  it('expands yearly repeats, moves their end dates, and sorts by date', () => {
    const ev = expandTimeline(s);
    expect(ev.map((e) => e.date)).toEqual(['2024-10-31', '2025-03-10', '2026-03-10', '2027-03-10', '2028-02-29', '2029-02-28']);
    expect(ev[2]).toMatchObject({ endDate: '2026-03-21', month: 16, repetition: 1, kind: 'exercise' });
    expect(ev[0].t).toBeLessThan(0);
  });
});
