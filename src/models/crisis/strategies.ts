import { STRATEGY_STRENGTHS, strategyIds, type StrategyId } from '../../scenario/catalog.js';

/**
 * Strategies as reaction rules (DESIGN.md §3.2, docs/model.md#strategies). Each maps the month's static
 * propensity u⁰_ij (baseline, drive, standing hostility, deterrence, assurance, restraint) and i's memory H_ij of
 * what j did to the propensity the ordered logit reads; GRIT also overrides the choice while a step is running.
 * Reaction strengths (offsets, responses, GRIT's timing) are scenario parameters with these defaults
 * (STRATEGY_STRENGTHS in scenario/catalog.ts; docs/model.md#constants); what stays here is what defines a rule.
 *
 *   reciprocator          u = u⁰ + β1·H + threat          mirrors perceived hostility and conciliation
 *   hawk                  u = u⁰ + 1 + β1·max(H, 0) + threat     escalates more, ignores conciliation
 *   dove                  u = u⁰ − 1 + β1·min(H, 0) + threat     never retaliates; never takes violent action
 *   grit                  announced de-escalation step each month toward an adversary while reciprocated;
 *                         after GRIT_PATIENCE months of non-reciprocation, reciprocator for GRIT_PAUSE months
 *   deterrence-assurance  u = u⁰ − 0.5 + 1.5·β1·H + threat   firm against escalation, quick to match steps
 *   regime-driven         u = u⁰ (without the assurance term)  acts on its own drive, whatever others do
 */
export interface CrisisStrategy {
  id: StrategyId;
  code: number;
  description: string;
  /** Added to the propensity (logit scale). */
  offset: number;
  /** Weights of the positive and negative parts of memory, as multiples of β1. */
  escalationResponse: number;
  conciliationResponse: number;
  /** Whether the threat-ratio term applies. */
  readsThreat: boolean;
  /** Whether assurance lowers the propensity. */
  readsAssurance: boolean;
  /** Whether the actor can take violent action. */
  canClash: boolean;
  citation: string;
}

/** GRIT's default patience and pause, in months (scenario: `crisis.grit.patience`, `crisis.grit.pause`). */
export const GRIT_PATIENCE = 3;
export const GRIT_PAUSE = 6;

type Definition = Omit<CrisisStrategy, 'code' | 'offset' | 'escalationResponse' | 'conciliationResponse'>;
const rows: Definition[] = [
  { id: 'reciprocator', description: 'Mirrors perceived hostility and conciliation (tit for tat on a scale).', readsThreat: true, readsAssurance: true, canClash: true, citation: 'Axelrod (1984); Goldstein & Freeman (1990)' },
  { id: 'hawk', description: 'Escalates more readily and ignores conciliation.', readsThreat: true, readsAssurance: true, canClash: true, citation: 'Jervis (1976), deterrence model' },
  { id: 'dove', description: 'Never retaliates, answers conciliation, never takes violent action.', readsThreat: true, readsAssurance: true, canClash: false, citation: 'Jervis (1976), spiral model' },
  { id: 'grit', description: 'Announced unilateral de-escalation steps toward adversaries, continued while reciprocated.', readsThreat: true, readsAssurance: true, canClash: true, citation: 'Osgood (1962), An Alternative to War or Surrender' },
  { id: 'deterrence-assurance', description: 'Firm against escalation, quick to match conciliation, does not initiate.', readsThreat: true, readsAssurance: true, canClash: true, citation: 'Jervis (1976); Schelling (1966) on assurance' },
  { id: 'regime-driven', description: 'Acts on its own drive, largely whatever others do.', readsThreat: false, readsAssurance: false, canClash: true, citation: 'The Diplomat (2024): "military power is Kim Jong Un\'s greatest weapon"' },
];

/** The strategy registry with the default strengths, in the order of `strategyIds` (the code is the index). */
export const CRISIS_STRATEGIES: readonly CrisisStrategy[] = strategyIds.map((id, code) => ({ ...rows.find((r) => r.id === id)!, ...STRATEGY_STRENGTHS[id], code }));

export const GRIT_CODE = strategyIds.indexOf('grit');

/** The registry entry of a strategy id. */
export function crisisStrategy(id: StrategyId): CrisisStrategy {
  return CRISIS_STRATEGIES[strategyIds.indexOf(id)];
}
