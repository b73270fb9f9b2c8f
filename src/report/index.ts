// The report entry (`flashpoints/report`): re-exports only.
export { renderReport } from './html.js';
export { renderFigures, warFigure, differencesFigure, monthlyFigure, byTypeFigure, type Figure } from './figures.js';
export type { ComparisonResult, PolicyResult, Interval, MeanInterval, Spread, Diff } from './types.js';
export { renderTournamentReport, renderMatchReport, type TournamentReportInput, type MatchReportInput } from './gameReport.js';
export { answerSentences, policyEffects, answerFigure, type AnswerSentences, type PolicyEffect, type Effect } from './answer.js';
export { armsSummary, type ArmsSummaryOptions } from './armsData.js';
export type { ArmsSummary } from './types.js';
