// The alignment network: actors as nodes coloured by bloc, alignment as links (width by strength), hostility as
// dashed links, laid out by d3-force run a fixed number of ticks from fixed starting positions — the same picture
// on every load. The time slider moves through the ten years of endogenous alignment.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { useMemo } from 'preact/hooks';
import { blocColour, HOSTILITY } from '../palette.js';
import type { ScenarioView } from '../protocol.js';
import type { PairState } from './relations.js';
import { useWidth } from './useWidth.js';

interface Node extends SimulationNodeDatum { id: string; bloc: number }
interface Link extends SimulationLinkDatum<Node> { w: number }

/** Ticks of the layout; alpha decays to its minimum by then (d3-force's default alphaDecay). */
export const LAYOUT_TICKS = 300;

/**
 * Deterministic positions in a W × H box: nodes start on a circle in actor order, d3-force (whose jiggle is its
 * own seeded generator) runs LAYOUT_TICKS ticks in layout units, and the result is scaled to fit the box.
 */
export function layout(ids: { id: string; bloc: number }[], pairs: PairState[], W: number, H: number): Map<string, [number, number]> {
  const nodes: Node[] = ids.map((a, k) => ({ ...a, x: 150 * Math.cos((2 * Math.PI * k) / ids.length), y: 150 * Math.sin((2 * Math.PI * k) / ids.length) }));
  const links: Link[] = pairs.filter((p) => p.alignment > 0.05).map((p) => ({ source: p.a, target: p.b, w: p.alignment }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink<Node, Link>(links).id((d) => d.id).distance((l) => 60 + 140 * (1 - l.w)).strength((l) => 0.2 + 0.8 * l.w))
    .force('charge', forceManyBody().strength(-420))
    .force('collide', forceCollide(34))
    .force('x', forceX(0).strength(0.08))
    .force('y', forceY(0).strength(0.08))
    .stop();
  sim.tick(LAYOUT_TICKS);
  const pad = 30;
  const xs = nodes.map((n) => n.x!), ys = nodes.map((n) => n.y!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((W - 2 * pad) / Math.max(1, x1 - x0), (H - 2 * pad) / Math.max(1, y1 - y0));
  const ox = (W - k * (x1 - x0)) / 2, oy = (H - k * (y1 - y0)) / 2;
  return new Map(nodes.map((n) => [n.id, [ox + k * (n.x! - x0), oy + k * (n.y! - y0)]]));
}

/** The alignment network at `year` (0 … `years`), with the slider that moves it (`onYear`). */
export function NetworkView({ view, pairs, year, years, onYear }: { view: ScenarioView; pairs: PairState[]; year: number; years: number; onYear: (y: number) => void }) {
  const { ref, width: W } = useWidth<HTMLElement>(560);
  const H = Math.round(Math.min(440, Math.max(300, W * 0.8)));
  const pos = useMemo(() => layout(view.actors, pairs, W, H), [view, pairs, W, H]);
  const startYear = Number((view.asOf ?? '2024').slice(0, 4));
  const links = pairs.filter((p) => p.alignment > 0.05 || p.hostility >= 0.5);
  const strongest = [...pairs].sort((a, b) => b.alignment - a.alignment).slice(0, 3).map((p) => `${p.a}–${p.b} ${p.alignment.toFixed(2)}`).join(', ');
  return (
    <figure class="chart network" ref={ref}>
      <div class="slider-row">
        <label for="alignment-year">Year of endogenous alignment: <strong>{startYear + year}</strong> (year {year} of {years})</label>
        <input id="alignment-year" type="range" min={0} max={years} step={1} value={year} aria-valuetext={`${startYear + year}`} onInput={(e) => onYear(Number((e.currentTarget as HTMLInputElement).value))} />
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Alignment network in ${startYear + year}; strongest alignments ${strongest}.`}>
        <title>Alignment network</title>
        {links.map((p) => {
          const [x1, y1] = pos.get(p.a)!, [x2, y2] = pos.get(p.b)!;
          const allied = p.alignment > 0.05;
          return (
            <line key={`${p.a}-${p.b}`} class={allied ? 'link alliance' : 'link hostility'} x1={x1} y1={y1} x2={x2} y2={y2}
              stroke={allied ? '#555' : HOSTILITY} stroke-width={allied ? 0.5 + 7 * p.alignment : 1.2} stroke-dasharray={allied ? undefined : '5 4'} stroke-opacity={allied ? 0.35 + 0.6 * p.alignment : 0.7}>
              <title>{`${p.a}–${p.b}: alignment ${p.alignment.toFixed(2)}, hostility ${p.hostility.toFixed(2)}`}</title>
            </line>
          );
        })}
        {view.actors.map((a) => {
          const [x, y] = pos.get(a.id)!;
          return (
            <g key={a.id} class="node">
              <circle cx={x} cy={y} r={20} fill={blocColour(a.bloc)} stroke="#000" stroke-width={1} />
              <text x={x} y={y + 4} text-anchor="middle" class="node-label">{a.id}</text>
              <title>{`${a.name} (${a.blocName})`}</title>
            </g>
          );
        })}
      </svg>
      <figcaption>Line width: alignment w (0–1), the stronger direction; dashed: hostility ≥ 0.5. Layout by d3-force, {LAYOUT_TICKS} ticks from fixed starting positions.</figcaption>
    </figure>
  );
}
