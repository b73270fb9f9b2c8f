// A Vite plugin that turns world-atlas's 1:50m countries into the theatre's geography at build time: the actors'
// countries (by ISO 3166 numeric id) and a few grey neighbours, as GeoJSON with coordinates rounded to 0.05°, so
// the app ships ~100 KB of outlines instead of the 756 KB world.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Plugin } from 'vite';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

/** ISO 3166-1 numeric ids of the scenario's actors in the theatre (the US is drawn off the map). */
export const ACTOR_COUNTRIES: Record<string, string> = {
  '408': 'PRK', '410': 'KOR', '392': 'JPN', '156': 'CHN', '643': 'RUS', '608': 'PHL', '704': 'VNM', '036': 'AUS',
};
/** Neighbours drawn grey for orientation: Taiwan, Mongolia, mainland and maritime South-East Asia, Oceania. */
export const CONTEXT_COUNTRIES = ['158', '496', '418', '116', '764', '104', '458', '360', '598', '554', '096', '626', '702'];

const GRID = 20; // 1 / 0.05°

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * GRID) / GRID, Math.round(y * GRID) / GRID];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function simplify(g: Geometry): Polygon | MultiPolygon | undefined {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const kept = polys.map((rings) => rings.map(roundRing).filter((r) => r.length >= 4)).filter((rings) => rings.length > 0);
  if (!kept.length) return undefined;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/** The theatre's features: `{ name, iso }` properties, `iso` the actor id or '' for a grey neighbour. */
export function theatreAtlas(): FeatureCollection<Polygon | MultiPolygon, { name: string; iso: string }> {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const wanted = new Set([...Object.keys(ACTOR_COUNTRIES), ...CONTEXT_COUNTRIES]);
  const features: Feature<Polygon | MultiPolygon, { name: string; iso: string }>[] = [];
  for (const f of world.features) {
    const id = String(f.id ?? '');
    if (!wanted.has(id) || !f.geometry) continue;
    const geometry = simplify(f.geometry);
    if (geometry) features.push({ type: 'Feature', id, properties: { name: f.properties.name, iso: ACTOR_COUNTRIES[id] ?? '' }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

/** `import atlas from 'virtual:theatre-atlas'` gives theatreAtlas() as a JSON module. */
export function theatreAtlasPlugin(): Plugin {
  const id = 'virtual:theatre-atlas';
  return {
    name: 'flashpoints-theatre-atlas',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load: (resolved) => (resolved === '\0' + id ? `export default ${JSON.stringify(theatreAtlas())};` : undefined),
  };
}
