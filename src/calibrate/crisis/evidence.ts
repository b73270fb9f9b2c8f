import { cnsMonthly, parseCnsLaunches } from '../../data/cns.js';
import { parseCowMid } from '../../data/cowMid.js';
import { dialogueMonths, exerciseMonths, launchDesign, parseExercises, type ExerciseTreatment, type LaunchDesign } from './covariates.js';
import { fitLaunches, selfExcitationTest, type Interval, type LaunchFit } from './launches.js';
import { clashYears, parseRivalries, warConstraint, type ClashYears, type WarConstraint } from './incidents.js';
import { backtestLaunches, type Backtest } from './backtest.js';

// What the record says before any tuning: the data files' texts in, the fitted launch process, the clash-year
// target, the war constraint and the launch backtest out. Its own module so that the calibration, its report and
// its figures all read it without importing one another.
/** The texts of the data files the calibration reads (the CLI reads them; this module does no I/O). */
export interface CrisisCalibrationInputs {
  /** CNS missile-test record (nk_missile_tests_1984_2026.csv or the nagix JSON). */
  cns: string;
  /** US–ROK exercises (exercises/us_rok_combined_exercises_curated.csv). */
  exercises: string;
  /** COW MID v5 directed dyad-years (cow/cow_mid5_directed_dyad_year_1816_2014.csv). */
  midDyadYears: string;
  /** Strategic rivalries (arms_races/tss_rivalries.csv). */
  rivalries: string;
}


/** Fit window and backtest window of the launch process. */
export const FIT_FROM = '2012-01', FIT_TO = '2019-12', TEST_FROM = '2020-01', TEST_TO = '2024-12';

/** What the data say, before any tuning. */
export interface CrisisEvidence {
  monthly: Map<string, number>;
  design: LaunchDesign;
  /** The design over fit and test windows together (2012–2024), for the figure. */
  longDesign: LaunchDesign;
  fit: LaunchFit;
  selfExcitation: ReturnType<typeof selfExcitationTest>;
  /** The exercise lift and dialogue effect under each treatment of uncovered years. */
  sensitivity: { treatment: ExerciseTreatment; exerciseMonths: number; exerciseLift: Interval; dialogueEffect: Interval }[];
  clash: ClashYears;
  war: WarConstraint;
  backtest: Backtest;
}

/** The calibrated values, as written into the scenario. */
export interface CrisisValues {
  baseRate: Interval;
  dispersion: Interval;
  exerciseLift: Interval;
  dialogueEffect: Interval;
  /** North Korea's baseline propensity β0 (crisis.actors.PRK.baseline). */
  baseline: Interval;
  warGivenClash: Interval;
}

const TREATMENTS: ExerciseTreatment[] = ['cycle', 'recorded', 'spring-long'];

/** Reads the data and fits the launch process, the clash-year target and the war constraint (no simulation). */
export function crisisEvidence(inputs: CrisisCalibrationInputs, treatment: ExerciseTreatment = 'cycle'): CrisisEvidence {
  const launches = parseCnsLaunches(inputs.cns).rows;
  const monthly = new Map(cnsMonthly(launches).map((m) => [m.month, m.missiles]));
  const records = parseExercises(inputs.exercises);
  const design = (t: ExerciseTreatment, from = FIT_FROM, to = FIT_TO) => launchDesign(monthly, from, to, exerciseMonths(records, from, to, t), dialogueMonths());
  const d = design(treatment);
  const fit = fitLaunches(d);
  const sensitivity = TREATMENTS.map((t) => {
    const dt = design(t);
    const f = fitLaunches(dt);
    return { treatment: t, exerciseMonths: dt.exercise.reduce((s, v) => s + v, 0), exerciseLift: f.exerciseLift, dialogueEffect: f.dialogueEffect };
  });
  const mid = parseCowMid(inputs.midDyadYears).rows;
  return {
    monthly,
    design: d,
    longDesign: design(treatment, FIT_FROM, TEST_TO),
    fit,
    selfExcitation: selfExcitationTest(d, monthly.get('2011-12') ?? 0),
    sensitivity,
    clash: clashYears(mid),
    war: warConstraint(mid, parseRivalries(inputs.rivalries)),
    backtest: backtestLaunches(design(treatment), design(treatment, TEST_FROM, TEST_TO)),
  };
}
