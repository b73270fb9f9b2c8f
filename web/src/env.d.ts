// Module kinds Vite provides: raw text imports and the generated theatre geography.
declare module '*?raw' {
  const text: string;
  export default text;
}
declare module '*?worker' {
  const WorkerFactory: new () => Worker;
  export default WorkerFactory;
}
declare module 'virtual:theatre-atlas' {
  import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
  const atlas: FeatureCollection<Polygon | MultiPolygon, { name: string; iso: string }>;
  export default atlas;
}
