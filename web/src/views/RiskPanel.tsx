// The risk panel: P(war), P(nuclear use), P(a clash) with Wilson 95% intervals, clash-years per decade with a
// 95% interval, the escalation-score band over months, and the dyads the clash-years come from.
import { count, pct } from '../format.js';
import type { Provenance, RiskSummary, ScenarioView, Settings } from '../protocol.js';
import { BandChart } from './BandChart.js';
import { Num } from './Provenance.js';

/** The newest risk figures: `done` of `total` runs (final when all are in), answering lever move number `move`. */
export interface RiskState { summary: RiskSummary; done: number; total: number; ms: number; final: boolean; move: number }

function computed(label: string, value: number, method: string, view: ScenarioView, settings: Settings): Provenance {
  return {
    label,
    value,
    kind: 'computed',
    method: `${method} From ${count(settings.runs)} crisis runs of ${view.id} (scenario hash ${view.hash.slice(0, 12)}…, flashpoints ${view.version}) under “${view.policies.find((p) => p.id === settings.policy)?.title}”, seed ${settings.seed}, 120 months, computed in this browser by the project's crisis model (docs/model.md). Same seed, same settings → the same number as \`flashpoints run\`.`,
  };
}

/** The risk panel for the newest results (a placeholder until the first batch is in). */
export function RiskPanel({ risk, view, settings, startYear }: { risk: RiskState | null; view: ScenarioView; settings: Settings; startYear: number }) {
  if (!risk) return <section class="panel risk" aria-labelledby="risk-title"><h2 id="risk-title">Risk over ten years</h2><p role="status">Running the crisis model…</p></section>;
  const o = risk.summary.outcomes;
  const wilson = 'Share of runs with at least one such event within the horizon; 95% Wilson interval.';
  const figure = (key: 'war' | 'nuclear' | 'clash', title: string) => (
    <div class={`figure figure-${key}`} data-outcome={key}>
      <div class="figure-title">{title}</div>
      <Num className="big" p={computed(title, o[key].p, wilson, view, settings)} text={pct(o[key].p)} />
      <div class="interval">
        95%: <Num p={computed(`${title}, lower 95% bound`, o[key].lo, wilson, view, settings)} text={pct(o[key].lo)} />–<Num p={computed(`${title}, upper 95% bound`, o[key].hi, wilson, view, settings)} text={pct(o[key].hi)} />
      </div>
    </div>
  );
  const cy = o.clashYearsPerDecade;
  const cyMethod = 'Expected calendar years with at least one clash per ten years; 95% normal interval of the mean over runs.';
  const dyads = [...risk.summary.byDyad].sort((a, b) => b.clashYears - a.clashYears).slice(0, 6);
  const maxDyad = Math.max(1e-9, ...dyads.map((d) => d.clashYears));
  const name = (id: string) => view.actors.find((a) => a.id === id)?.name ?? id;
  return (
    <section class="panel risk" aria-labelledby="risk-title" data-runs-done={risk.done} data-final={String(risk.final)} data-move={risk.move}>
      <h2 id="risk-title">Risk over ten years</h2>
      <p class="status" role="status" aria-live="polite">
        {count(risk.done)} of {count(risk.total)} runs{risk.final ? ` · ${Math.round(risk.ms)} ms` : ' · running…'}
      </p>
      <div class="figures">
        {figure('war', 'P(war)')}
        {figure('nuclear', 'P(nuclear use)')}
        {figure('clash', 'P(at least one clash)')}
        <div class="figure figure-clash-years" data-outcome="clash-years">
          <div class="figure-title">Clash-years per decade</div>
          <Num className="big" p={computed('Clash-years per decade', cy.mean, cyMethod, view, settings)} text={cy.mean.toFixed(2)} />
          <div class="interval">
            95%: <Num p={computed('Clash-years per decade, lower 95% bound', cy.lo, cyMethod, view, settings)} text={cy.lo.toFixed(2)} />–<Num p={computed('Clash-years per decade, upper 95% bound', cy.hi, cyMethod, view, settings)} text={cy.hi.toFixed(2)} />
          </div>
        </div>
      </div>
      <h3>Escalation score by month</h3>
      <BandChart band={risk.summary.escalationScore} title="Monthly escalation score (EscalAItion weights summed over dyads)" yLabel="score" startYear={startYear} />
      <h3>Where the clash-years come from</h3>
      <ul class="dyad-bars" aria-label="Clash-years per decade by dyad, largest first">
        {dyads.map((d) => (
          <li key={`${d.from}-${d.to}`}>
            <span class="dyad-name">{name(d.from)} → {name(d.to)}</span>
            <span class="bar" style={{ width: `${(70 * d.clashYears) / maxDyad}%` }} aria-hidden="true" />
            <Num p={computed(`Clash-years per decade, ${name(d.from)} against ${name(d.to)}`, d.clashYears, 'Mean over runs of the calendar years in which this actor took a violent action against the other.', view, settings)} text={d.clashYears.toFixed(2)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
