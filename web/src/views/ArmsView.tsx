// Arms trajectories over ten years under the current levers, as growth indices (base year = 1) so that stocks in
// US$ bn and in warheads share an axis, with the stability verdict of the arms system ("does the spiral run away?").
import { DASHES, SERIES } from '../palette.js';
import { linear, num, spreadLabels, ticks } from '../format.js';
import type { ArmsView as Arms, Provenance, ScenarioView } from '../protocol.js';
import { Num } from './Provenance.js';
import { useWidth } from './useWidth.js';

const L = 40, R = 84, T = 12, B = 30;

function IndexChart({ arms, kind, startYear }: { arms: Arms; kind: 'conventional' | 'strategic'; startYear: number }) {
  const { ref, width: W } = useWidth<HTMLElement>(420);
  const H = Math.round(Math.min(300, Math.max(220, W * 0.6)));
  const rows = arms.labels.map((label, q) => ({ label, q })).filter((r) => r.label.endsWith(`.${kind}`));
  if (!rows.length) return null;
  const idx = rows.map((r) => arms.series[r.q].map((v) => v / arms.series[r.q][0]));
  const all = idx.flat();
  const lo = Math.min(1, ...all), hi = Math.max(1, ...all);
  const x = linear([0, arms.years[arms.years.length - 1]], [L, W - R]);
  const y = linear([lo, hi], [H - B, T]);
  const title = kind === 'conventional' ? 'Military spending, index (2024 = 1)' : 'Strategic forces (warheads), index (2024 = 1)';
  const ends = rows.map((r, k) => ({ label: r.label.split('.')[0], end: idx[k][idx[k].length - 1] }));
  const labelY = spreadLabels(ends.map((e) => y(e.end) + 4), 14, T + 4, H - B);
  return (
    <figure class="chart arms-chart" ref={ref}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: after ten years ${ends.map((e) => `${e.label} ${e.end.toFixed(2)}`).join(', ')}`}>
        <title>{title}</title>
        {ticks(lo, hi, 4).map((t) => (
          <g key={t}><line x1={L} x2={W - R} y1={y(t)} y2={y(t)} class="grid" /><text x={L - 6} y={y(t) + 4} text-anchor="end" class="tick">{t}</text></g>
        ))}
        {arms.years.filter((yr) => yr % (W < 400 ? 5 : 2) === 0).map((yr) => <text key={yr} x={x(yr)} y={H - B + 16} text-anchor="middle" class="tick">{startYear + yr}</text>)}
        {rows.map((r, k) => (
          <g key={r.label} class="trajectory">
            <path d={idx[k].map((v, t) => `${t ? 'L' : 'M'}${x(arms.years[t]).toFixed(1)},${y(v).toFixed(1)}`).join('')} fill="none" stroke={SERIES[k % SERIES.length]} stroke-width={2} stroke-dasharray={DASHES[Math.floor(k / 2) % DASHES.length] || undefined} />
            <text x={W - R + 4} y={labelY[k]} class="series-label" fill={SERIES[k % SERIES.length]}>{ends[k].label} {ends[k].end.toFixed(2)}</text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** The arms panel: the spiral verdict, the trajectories by kind, the stocks' table (a placeholder until computed). */
export function ArmsPanel({ arms, view, startYear }: { arms: Arms | null; view: ScenarioView; startYear: number }) {
  if (!arms) return <section class="panel arms" aria-labelledby="arms-title"><h2 id="arms-title">Arms trajectories</h2><p role="status">Integrating the arms model…</p></section>;
  const rate: Provenance = { label: 'Leading growth rate of the arms system (per year)', value: arms.leadingRate, kind: 'computed', method: 'The largest real part of the eigenvalues of A in dx/dt = A x + b at the start (DESIGN.md §3.1): above zero, deviations grow and the spiral runs away.' };
  const last = arms.years.length - 1;
  return (
    <section class="panel arms" aria-labelledby="arms-title">
      <h2 id="arms-title">Arms trajectories</h2>
      <p class={`verdict ${arms.stable ? 'verdict-stable' : 'verdict-unstable'}`} data-stable={String(arms.stable)}>
        <strong>{arms.stable ? 'No runaway spiral' : 'Spiral: the arms system is unstable'}</strong> — {arms.verdict} (leading rate <Num p={rate} text={arms.leadingRate.toFixed(3)} /> per year).
      </p>
      {arms.couplings.length > 0 && <p class="muted">Couplings that drive it most: {arms.couplings.slice(0, 3).map((c) => `${c.responds} responds to ${c.to}`).join('; ')}.</p>}
      <div class="arms-charts">
        <IndexChart arms={arms} kind="conventional" startYear={startYear} />
        <IndexChart arms={arms} kind="strategic" startYear={startYear} />
      </div>
      <details>
        <summary>Stocks in {startYear} and {startYear + arms.years[last]}</summary>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Stock</th><th scope="col">{startYear}</th><th scope="col">{startYear + arms.years[last]}</th><th scope="col">Unit</th></tr></thead>
            <tbody>
              {arms.labels.map((label, q) => {
                const path = `actors.${label.split('.')[0]}.capabilities.${label.split('.')[1]}.value`;
                const base = view.parameters[path] ?? { label: path, value: arms.series[q][0], kind: 'bare' as const };
                const end: Provenance = { label: `${label} after ${arms.years[last]} years`, value: arms.series[q][last], kind: 'computed', method: 'The arms model (DESIGN.md §3.1) under the current levers, with endogenous alignment, integrated by Dormand–Prince 5(4).' };
                return <tr key={label}><th scope="row">{label}</th><td><Num p={{ ...base, label: `${label} in the base year` }} text={num(arms.series[q][0], 1)} /></td><td><Num p={end} text={num(arms.series[q][last], 1)} /></td><td>{arms.units[q]}</td></tr>;
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
