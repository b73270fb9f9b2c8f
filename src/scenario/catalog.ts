/**
 * The default action catalog: the six categories and weights of the EscalAItion wargame (Rivera et al., "Escalation
 * Risks from Language Models in Military and Diplomatic Decision-Making", FAccT 2024), so that monthly escalation
 * scores are comparable with that work (DESIGN.md §3.2).
 */
export const escalAItionCatalog = [
  { id: 'de-escalation', label: 'De-escalation', weight: -2, examples: ['talks', 'high-level visit', 'arms-control step', 'trade agreement'] },
  { id: 'status-quo', label: 'Status quo', weight: 0, examples: ['wait', 'message'] },
  { id: 'posturing', label: 'Posturing', weight: 4, examples: ['exercise', 'deployment', 'alliance step', 'arms increase', 'missile test'] },
  { id: 'non-violent-escalation', label: 'Non-violent escalation', weight: 12, examples: ['sanctions', 'cut ties', 'cyber attack', 'nuclear test', 'public threat'] },
  { id: 'violent-escalation', label: 'Violent escalation', weight: 28, examples: ['blockade', 'targeted strike', 'border clash'] },
  { id: 'nuclear', label: 'Nuclear', weight: 60, examples: ['nuclear use'] },
] as const;

export const strategyIds = ['reciprocator', 'hawk', 'dove', 'grit', 'deterrence-assurance', 'regime-driven'] as const;
export type StrategyId = (typeof strategyIds)[number];

/**
 * The default strengths of the reaction rules (docs/model.md#strategies, #constants): offset o (logit scale) and
 * responses to remembered escalation and conciliation (multiples of β1). A scenario may restate or sample them under
 * `crisis.strategies`; these are assumptions of the model, the values the Korea calibration was made with.
 * Example: `STRATEGY_STRENGTHS.hawk.offset` → 1.
 */
export const STRATEGY_STRENGTHS: Readonly<Record<StrategyId, { offset: number; escalationResponse: number; conciliationResponse: number }>> = {
  reciprocator: { offset: 0, escalationResponse: 1, conciliationResponse: 1 },
  hawk: { offset: 1, escalationResponse: 1, conciliationResponse: 0 },
  dove: { offset: -1, escalationResponse: 0, conciliationResponse: 1 },
  grit: { offset: 0, escalationResponse: 1, conciliationResponse: 1 },
  'deterrence-assurance': { offset: -0.5, escalationResponse: 1.5, conciliationResponse: 1.5 },
  'regime-driven': { offset: 0, escalationResponse: 0, conciliationResponse: 0 },
};
