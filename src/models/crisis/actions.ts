/**
 * The action catalog as the crisis model reads it (DESIGN.md §3.2): categories ordered on an escalation scale,
 * the last two being violent escalation (a clash) and nuclear use, the ones before them the non-violent categories
 * over which the ordered logit chooses. The default catalog is EscalAItion's (de-escalation −2, status quo 0,
 * posturing 4, non-violent escalation 12, violent escalation 28, nuclear 60).
 */
export interface ActionCatalog {
  ids: string[];
  /** Escalation weight of each category (score units). */
  weights: Float64Array;
  /** Number of non-violent categories N (the ordered logit's outcomes: indices 0 … N−1). */
  nonViolent: number;
  /** Index of the status-quo category: the non-violent category whose weight is closest to 0. */
  statusQuo: number;
  /** Index of posturing: the category just above the status quo (exercises and launches are posturing). */
  posturing: number;
  /** Index of violent escalation (a clash): N. */
  violent: number;
  /** Index of nuclear use: N + 1. */
  nuclear: number;
  /** Weight of the top non-violent category: the unit in which remembered hostility is measured. */
  scoreUnit: number;
}

/**
 * Reads a catalog (ordered, at least four categories: two or more non-violent, then violent, then nuclear).
 * Throws when the weights are not increasing, so that the escalation scale is an order.
 * Example: `buildCatalog(escalAItionCatalog).posturing === 2`.
 */
export function buildCatalog(catalog: readonly { id: string; weight: number }[]): ActionCatalog {
  const K = catalog.length;
  if (K < 4) throw new Error(`the crisis catalog needs at least 4 categories (2 non-violent, violent, nuclear), got ${K}`);
  for (let k = 1; k < K; k++) {
    if (!(catalog[k].weight > catalog[k - 1].weight)) {
      throw new Error(`crisis catalog weights must increase: '${catalog[k].id}' (${catalog[k].weight}) after '${catalog[k - 1].id}' (${catalog[k - 1].weight})`);
    }
  }
  const N = K - 2;
  let statusQuo = 0;
  for (let k = 1; k < N; k++) if (Math.abs(catalog[k].weight) < Math.abs(catalog[statusQuo].weight)) statusQuo = k;
  const posturing = Math.min(statusQuo + 1, N - 1);
  const top = catalog[N - 1].weight;
  return {
    ids: catalog.map((c) => c.id),
    weights: Float64Array.from(catalog.map((c) => c.weight)),
    nonViolent: N,
    statusQuo,
    posturing,
    violent: N,
    nuclear: N + 1,
    scoreUnit: top > 0 ? top : 1,
  };
}
