// The theatre on a map: the actors' countries filled by bloc, alliance lines (solid, width by alignment) and
// hostility lines (dashed), at the year the time slider shows. The United States sits off the map, to the east.
import atlas from 'virtual:theatre-atlas';
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import { useMemo } from 'preact/hooks';
import { blocColour, CONTEXT_LAND, HOSTILITY } from '../palette.js';
import type { ScenarioView } from '../protocol.js';
import type { PairState } from './relations.js';
import { useWidth } from './useWidth.js';

/** Where each actor's lines start: its capital (the Russian Far East at Vladivostok, the US off the map to the east). */
export const ANCHORS: Record<string, [number, number]> = {
  PRK: [125.75, 39.02], KOR: [126.98, 37.57], JPN: [139.69, 35.69], CHN: [116.4, 39.9], RUS: [131.89, 43.12],
  PHL: [120.98, 14.6], VNM: [105.85, 21.03], AUS: [149.13, -35.28], USA: [166, 22],
};


/** The theatre map at `year` of the alignment path (pairs from `pairsAt`). */
export function MapView({ view, pairs, year }: { view: ScenarioView; pairs: PairState[]; year: number }) {
  const { ref, width: W } = useWidth<HTMLElement>(560);
  const H = Math.round(Math.min(620, W * 1.05));
  const { path, project } = useMemo(() => {
    const projection = geoAzimuthalEqualArea().rotate([-132, -12]).clipAngle(90);
    // The theatre: from Hanoi to the Kuril Islands, from Tasmania to the Sea of Okhotsk.
    projection.fitExtent([[8, 8], [W - 8, H - 8]], { type: 'MultiPoint', coordinates: [[100, -42], [165, -42], [100, 55], [165, 58], [132, 60]] });
    return { path: geoPath(projection), project: (c: [number, number]) => projection(c) ?? [0, 0] };
  }, [W, H]);
  const actor = (id: string) => view.actors.find((a) => a.id === id);
  const shown = pairs.filter((p) => p.alignment >= 0.3 || p.hostility >= 0.5);
  const names = view.actors.map((a) => a.name).join(', ');
  return (
    <figure class="chart map" ref={ref}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Map of the theatre in year ${year}: ${names}. Solid lines are alignments, dashed lines hostility.`}>
        <title>The theatre, coloured by bloc</title>
        <defs>
          <clipPath id="map-clip"><rect x={0} y={0} width={W} height={H} /></clipPath>
        </defs>
        <rect x={0} y={0} width={W} height={H} class="sea" />
        <g clip-path="url(#map-clip)">
          {atlas.features.map((f) => {
            const a = f.properties.iso ? actor(f.properties.iso) : undefined;
            return (
              <path key={`${f.id} ${f.properties.name}`} d={path(f) ?? ''} class={a ? 'country actor' : 'country context'} data-iso={f.properties.iso || undefined} fill={a ? blocColour(a.bloc) : CONTEXT_LAND} fill-opacity={a ? 0.55 : 1}>
                <title>{f.properties.name}{a ? ` — ${a.blocName}` : ''}</title>
              </path>
            );
          })}
          {shown.map((p) => {
            const [x1, y1] = project(ANCHORS[p.a]), [x2, y2] = project(ANCHORS[p.b]);
            const allied = p.alignment >= 0.3;
            return (
              <line key={`${p.a}-${p.b}`} x1={x1} y1={y1} x2={x2} y2={y2} class={allied ? 'alliance' : 'hostility'}
                stroke={allied ? blocColour(actor(p.a)!.bloc) : HOSTILITY} stroke-width={allied ? 1 + 4 * p.alignment : 1.5} stroke-dasharray={allied ? undefined : '6 4'} stroke-opacity={0.85}>
                <title>{`${actor(p.a)!.name} – ${actor(p.b)!.name}: ${allied ? `alignment ${p.alignment.toFixed(2)}` : `hostility ${p.hostility.toFixed(2)}`}`}</title>
              </line>
            );
          })}
          {view.actors.map((a) => {
            const [x, y] = project(ANCHORS[a.id] ?? [0, 0]);
            return (
              <g key={a.id} class="anchor">
                <circle cx={x} cy={y} r={6} fill={blocColour(a.bloc)} stroke="#000" stroke-width={1} />
                {a.id === 'USA' ? <text x={x - 8} y={y - 8} text-anchor="end" class="map-label">USA (off map) →</text> : <text x={x + 8} y={y - 6} class="map-label">{a.id}</text>}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        {view.blocs.map((b, k) => <span class="key" key={b}><span class="swatch" style={{ background: blocColour(k) }} /> {b}</span>)}
        <span class="key"><span class="swatch" style={{ background: blocColour(-1) }} /> unaligned</span>
        <span class="key"><span class="swatch dashed" style={{ borderColor: HOSTILITY }} /> hostility ≥ 0.5</span>
      </figcaption>
    </figure>
  );
}
