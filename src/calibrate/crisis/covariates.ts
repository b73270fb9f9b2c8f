import { nextMonth } from '../../data/cns.js';
import { readTable, findColumn } from '../../data/table.js';

/**
 * Monthly covariates of North Korea's launch process: US–ROK exercise months and the 2018 dialogue.
 *
 * The curated exercise file (../shared/data/exercises) is sparse: it dates the exercises of 1997, 2014, 2016 and
 * 2022–2026 only. How the other years are filled is a stated choice (`ExerciseTreatment`):
 * - `cycle` (default): every year has the regular spring exercise (Key Resolve/Foal Eagle, then Freedom Shield) in
 *   March and the summer exercise (Ulchi Freedom Guardian, then Ulchi Freedom Shield) in August; a year's recorded
 *   dates replace the assumed month of their season (spring = Feb–Apr, summer = Jul–Sep). The summer exercise of
 *   2018 was cancelled (the Singapore summit), so August 2018 is not an exercise month.
 * - `recorded`: only months the file dates (a sensitivity check: it marks most years as having no exercise).
 * - `spring-long`: as `cycle`, with the assumed spring exercise covering March and April (Foal Eagle's field
 *   training ran into April).
 */
export type ExerciseTreatment = 'cycle' | 'recorded' | 'spring-long';

/** A dated exercise from the curated file: first and last month (`YYYY-MM`). */
export interface ExerciseRecord {
  name: string;
  first: string;
  last: string;
}

/** Months cancelled by the record (korea-facts.md: the 2018 summer exercise). */
export const CANCELLED_EXERCISE_MONTHS: readonly string[] = ['2018-08'];

/** The dialogue of 2018–19: from the first inter-Korean summit (2018-04-27) to the Hanoi summit (2019-02-28). */
export const DIALOGUE_FIRST = '2018-04';
export const DIALOGUE_LAST = '2019-02';

/**
 * Reads the curated exercise CSV (columns exercise, year, start_date, end_date, date_precision). A row with only a
 * start date covers its start month; a row with no dates but an `in_progress_YYYY-MM-DD` precision covers that month.
 */
export function parseExercises(text: string): ExerciseRecord[] {
  const table = readTable(text);
  const col = (n: string) => findColumn(table, [n]);
  const [name, start, end, precision] = [col('exercise'), col('start_date'), col('end_date'), col('date_precision')];
  const out: ExerciseRecord[] = [];
  for (const { fields: f } of table.records) {
    const s = (f[start] ?? '').trim();
    const e = (f[end] ?? '').trim();
    const p = /in_progress_(\d{4}-\d{2})/.exec(f[precision] ?? '');
    const first = s ? s.slice(0, 7) : p ? p[1] : '';
    if (!first) continue;
    out.push({ name: f[name] ?? '', first, last: e ? e.slice(0, 7) : first });
  }
  return out;
}

/** All months `from` … `to` inclusive (`YYYY-MM`). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** The exercise months within `from` … `to` under a treatment of the years the record does not cover. */
export function exerciseMonths(records: readonly ExerciseRecord[], from: string, to: string, treatment: ExerciseTreatment = 'cycle'): Set<string> {
  const set = new Set<string>();
  for (const r of records) for (const m of monthRange(r.first, r.last)) set.add(m);
  if (treatment !== 'recorded') {
    const season = (m: string, lo: number, hi: number) => [...set].some((x) => x.slice(0, 4) === m.slice(0, 4) && +x.slice(5) >= lo && +x.slice(5) <= hi);
    for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
      if (!season(`${y}`, 2, 4)) {
        set.add(`${y}-03`);
        if (treatment === 'spring-long') set.add(`${y}-04`);
      }
      if (!season(`${y}`, 7, 9)) set.add(`${y}-08`);
    }
  }
  for (const c of CANCELLED_EXERCISE_MONTHS) set.delete(c);
  return new Set([...set].filter((m) => m >= from && m <= to));
}

/** Months of the 2018–19 dialogue (DIALOGUE_FIRST … DIALOGUE_LAST). */
export function dialogueMonths(): Set<string> {
  return new Set(monthRange(DIALOGUE_FIRST, DIALOGUE_LAST));
}

/** A monthly design: counts y with the exercise and dialogue indicators (1/0) for each month. */
export interface LaunchDesign {
  months: string[];
  y: number[];
  exercise: number[];
  dialogue: number[];
}

/**
 * Builds the design for months `from` … `to` from monthly counts (months absent from `counts` are zeros).
 * Example: `launchDesign(new Map([['2017-03', 4]]), '2017-01', '2017-12', exerciseMonths(records, '2017-01', '2017-12'), dialogueMonths())`.
 */
export function launchDesign(counts: ReadonlyMap<string, number>, from: string, to: string, exercise: ReadonlySet<string>, dialogue: ReadonlySet<string>): LaunchDesign {
  const months = monthRange(from, to);
  return {
    months,
    y: months.map((m) => counts.get(m) ?? 0),
    exercise: months.map((m) => (exercise.has(m) ? 1 : 0)),
    dialogue: months.map((m) => (dialogue.has(m) ? 1 : 0)),
  };
}
