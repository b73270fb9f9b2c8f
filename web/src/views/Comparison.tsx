// The policy comparison of an experiment stored by `flashpoints compare`, read from the API that `flashpoints
// serve` provides (GET /api/experiments, GET /api/experiments/:id). Without the API (the page opened from a static
// server) it says so and the rest of the app works on.
import { useEffect, useState } from 'preact/hooks';
import type { ComparisonResult } from '../../../src/report/types.js';
import { count, linear, pct, signedPct } from '../format.js';
import { MEDIAN } from '../palette.js';
import type { Provenance } from '../protocol.js';
import { Num } from './Provenance.js';
import { useWidth } from './useWidth.js';

/** One entry of `GET /api/experiments` (the API contract with `flashpoints serve`). */
export interface ExperimentEntry { id: string; scenario: { id: string; hash: string }; seed: number; futures: number; runs: number; policies: string[]; cells: number }

type Load<T> = { state: 'loading' } | { state: 'absent'; message: string } | { state: 'ok'; value: T };

/**
 * GET a JSON document; a missing API (network error, 404, an HTML fallback page) is `absent`, never a throw. The
 * request keeps the browser's default Accept header (any type), so a static server with a page fallback (vite preview)
 * answers with the page (no 404 in the console) and the app reads that as "no API".
 */
async function getJson<T>(url: string): Promise<Load<T>> {
  try {
    const res = await fetch(url);
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.includes('application/json')) return { state: 'absent', message: `${url} answered ${res.status}${type.includes('json') ? '' : ' without JSON'}` };
    return { state: 'ok', value: (await res.json()) as T };
  } catch (err) {
    return { state: 'absent', message: `${url} is unreachable (${(err as Error).message})` };
  }
}

function computed(label: string, value: number, r: ComparisonResult, what: string): Provenance {
  return { label, value, kind: 'computed', method: `${what} Stored experiment: ${r.options.futures} futures × ${r.options.runs} runs per policy, seed ${r.seed}, ${r.options.horizonMonths} months, scenario ${r.scenario.id} (hash ${r.scenario.hash.slice(0, 12)}…), futures weighted by the record (effective sample size ${r.weights.ess.toFixed(1)} of ${r.weights.futures}). Reproduce: ${r.reproduce.command}` };
}

function WarChart({ r }: { r: ComparisonResult }) {
  const { ref, width } = useWidth<HTMLDivElement>(560);
  const W = Math.min(640, width), rowH = 34, L = Math.min(170, W * 0.42), R = 20, T = 24, H = T + rowH * r.policies.length + 10;
  const maxChars = Math.floor((L - 12) / 8);
  const hi = Math.max(0.01, ...r.policies.map((p) => p.weighted.outcomes.war.hi));
  const x = linear([0, hi], [L, W - R]);
  return (
    <div ref={ref} class="war-chart-box">
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`P(war) by policy: ${r.policies.map((p) => `${p.title} ${pct(p.weighted.outcomes.war.p)}`).join(', ')}`} class="war-chart">
      <title>P(war) by policy, record-weighted, with 95% intervals</title>
      {[0, hi / 2, hi].map((t) => <text key={t} x={x(t)} y={14} text-anchor="middle" class="tick">{pct(t, 0)}</text>)}
      {r.policies.map((p, k) => {
        const w = p.weighted.outcomes.war, y = T + rowH * k + rowH / 2;
        return (
          <g key={p.id} class="policy-row">
            <text x={L - 8} y={y + 4} text-anchor="end" class="tick">{p.title.length > maxChars ? `${p.title.slice(0, maxChars - 1)}…` : p.title}</text>
            <line x1={x(w.lo)} x2={x(w.hi)} y1={y} y2={y} stroke={MEDIAN} stroke-width={3} />
            <circle cx={x(w.p)} cy={y} r={5} fill="#fff" stroke={MEDIAN} stroke-width={2} />
          </g>
        );
      })}
    </svg>
    </div>
  );
}

/** The stored policy comparison from the API, preferring an experiment on `scenarioId`; says so when there is no API. */
export function Comparison({ scenarioId }: { scenarioId: string }) {
  const [list, setList] = useState<Load<{ experiments: ExperimentEntry[] }>>({ state: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, setResult] = useState<Load<ComparisonResult> | null>(null);
  useEffect(() => {
    void getJson<{ experiments: ExperimentEntry[] }>('api/experiments').then((l) => {
      setList(l);
      if (l.state === 'ok' && l.value.experiments.length) setChosen((l.value.experiments.find((e) => e.scenario.id === scenarioId) ?? l.value.experiments[0]).id);
    });
  }, [scenarioId]);
  useEffect(() => {
    if (!chosen) return;
    setResult({ state: 'loading' });
    void getJson<ComparisonResult>(`api/experiments/${encodeURIComponent(chosen)}`).then(setResult);
  }, [chosen]);

  const head = <h2 id="comparison-title">Policy comparison (stored experiment)</h2>;
  if (list.state === 'loading') return <section class="panel comparison" aria-labelledby="comparison-title">{head}<p role="status">Asking the server for stored experiments…</p></section>;
  if (list.state === 'absent') {
    return (
      <section class="panel comparison" aria-labelledby="comparison-title" data-api="absent">
        {head}
        <p class="notice" role="status">No experiment store is reachable: this page was not opened from <code>flashpoints serve</code> ({list.message}). Run <code>npx flashpoints compare scenarios/korea-2024.yaml</code>, then <code>npx flashpoints serve</code> and open the address it prints. Everything above runs in this browser without it.</p>
      </section>
    );
  }
  const experiments = list.value.experiments;
  return (
    <section class="panel comparison" aria-labelledby="comparison-title" data-api="present">
      {head}
      {experiments.length === 0 && <p class="notice" role="status">The store holds no experiment yet: run <code>npx flashpoints compare scenarios/korea-2024.yaml</code>.</p>}
      {experiments.length > 1 && (
        <label class="field">
          <span>Experiment</span>
          <select value={chosen ?? ''} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            {experiments.map((e) => <option key={e.id} value={e.id}>{e.scenario.id}, seed {e.seed}, {e.futures} futures × {e.runs} runs ({count(e.cells)} cells)</option>)}
          </select>
        </label>
      )}
      {result?.state === 'loading' && <p role="status">Loading the experiment…</p>}
      {result?.state === 'absent' && <p class="notice" role="status">The experiment could not be read: {result.message}.</p>}
      {result?.state === 'ok' && <ComparisonTable r={result.value} />}
    </section>
  );
}

function ComparisonTable({ r }: { r: ComparisonResult }) {
  return (
    <div class="comparison-body" data-experiment={r.scenario.hash}>
      <p class="muted">{r.question} {r.options.futures} futures × {r.options.runs} runs, seed {r.seed}; futures weighted by the record (effective sample size <Num p={{ label: 'Effective sample size of the record weights', value: r.weights.ess, kind: 'computed', method: `Futures not ruled out by history matching on the record (${r.weights.targets.length} targets, cut-off ${r.weights.cutoff}) out of ${r.weights.futures}; docs/calibration.md#record.` }} text={r.weights.ess.toFixed(1)} />). Reproduce: <code>{r.reproduce.command}</code></p>
      <WarChart r={r} />
      <div class="table-wrap">
        <table class="comparison-table">
          <caption>Record-weighted outcomes over {r.options.horizonMonths / 12} years; change vs the status quo with 95% intervals over futures</caption>
          <thead><tr><th scope="col">Policy</th><th scope="col">P(war)</th><th scope="col">vs status quo</th><th scope="col">P(nuclear)</th><th scope="col">Clash-years / decade</th></tr></thead>
          <tbody>
            {r.policies.map((p) => {
              const o = p.weighted.outcomes, d = p.weighted.versusStatusQuo;
              return (
                <tr key={p.id} data-policy={p.id}>
                  <th scope="row">{p.title}</th>
                  <td><Num p={computed(`P(war) under ${p.title}`, o.war.p, r, `Record-weighted share of runs with a war within the horizon; 95% interval ${pct(o.war.lo)}–${pct(o.war.hi)}.`)} text={pct(o.war.p)} /></td>
                  <td>{d ? <Num p={computed(`P(war) under ${p.title} minus the status quo`, d.war.diff, r, `Paired difference over common random numbers; 95% cluster-bootstrap interval over futures ${signedPct(d.war.lo)} to ${signedPct(d.war.hi)}.`)} text={signedPct(d.war.diff)} /> : '—'}</td>
                  <td><Num p={computed(`P(nuclear use) under ${p.title}`, o.nuclear.p, r, `95% interval ${pct(o.nuclear.lo)}–${pct(o.nuclear.hi)}.`)} text={pct(o.nuclear.p)} /></td>
                  <td><Num p={computed(`Clash-years per decade under ${p.title}`, o.clashYearsPerDecade.mean, r, `95% interval ${o.clashYearsPerDecade.lo.toFixed(2)}–${o.clashYearsPerDecade.hi.toFixed(2)}.`)} text={o.clashYearsPerDecade.mean.toFixed(2)} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {r.byType.weighted.map((u) => (
        <p key={u.uncertainty} class="muted">{u.title}: {u.alternatives.map((a) => `if ${a.title.toLowerCase()}, ${r.policies.find((p) => p.id === a.best)?.title ?? a.best} has the lowest P(war)${a.separated ? '' : ' (not separated from the runner-up)'}`).join('; ')}.</p>
      ))}
    </div>
  );
}
