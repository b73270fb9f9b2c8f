import type { Scenario, TimelineEvent } from './schema.js';

/** A timeline event on one concrete date (repeats expanded), with its time from `start` in years and months. */
export interface DatedEvent extends TimelineEvent {
  /** Years from the scenario's `start` (negative for history); 365.25-day years. */
  t: number;
  /** Crisis month: 1 is the first month after `asOf` (docs/conventions.md); 0 or less for history. */
  month: number;
  /** Which repetition of a `repeatYearlyUntil` event this is (0 for the first). */
  repetition: number;
}

const DAY = 86_400_000;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Years between two ISO dates, on 365.25-day years. */
export function yearsBetween(from: string, to: string): number {
  return (utc(to) - utc(from)) / DAY / 365.25;
}

/** The crisis month a date falls in: month 1 is the calendar month after `asOf`'s month. */
export function monthOf(date: string, asOf: string): number {
  const [y, m] = date.split('-').map(Number);
  const [y0, m0] = asOf.split('-').map(Number);
  return (y - y0) * 12 + (m - m0);
}

function addYears(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  // 29 February repeats on 28 February in common years.
  const day = m === 2 && d === 29 && !((y + n) % 4 === 0 && ((y + n) % 100 !== 0 || (y + n) % 400 === 0)) ? 28 : d;
  return `${String(y + n).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The timeline with yearly repeats expanded into dated events, sorted by date (stable for equal dates). `endDate`
 * moves with each repetition. Example: `expandTimeline(korea).filter((e) => e.kind === 'exercise' && e.month > 0)`.
 */
export function expandTimeline(s: Scenario): DatedEvent[] {
  const start = s.start ?? s.asOf ?? '1970-01-01';
  const asOf = s.asOf ?? start;
  const out: DatedEvent[] = [];
  for (const e of s.timeline) {
    const until = e.repeatYearlyUntil ?? e.date;
    for (let k = 0; ; k++) {
      const date = addYears(e.date, k);
      if (date > until) break;
      const { repeatYearlyUntil: _r, ...rest } = e;
      out.push({
        ...rest,
        date,
        endDate: e.endDate ? addYears(e.endDate, k) : undefined,
        t: yearsBetween(start, date),
        month: monthOf(date, asOf),
        repetition: k,
      });
      if (k > 1000) break;
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
