// The drawn width of a chart's container in CSS pixels, so that charts draw at their real size and their text
// stays at its CSS size (13 px) on a 390 px phone as on a desktop.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Returns a ref for the container and its width (rounded to whole pixels; `fallback` before the first layout). */
export function useWidth<T extends HTMLElement>(fallback = 640) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => { const w = Math.round(el.clientWidth); if (w > 0) setWidth(w); };
    read();
    const obs = new ResizeObserver(read);
    obs.observe(el);
    return () => obs.disconnect();
  }, []);
  return { ref, width };
}

/** Spreads label positions (sorted by value) so that neighbours are at least `gap` apart, within [lo, hi]. */
export function spreadLabels(ys: number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, k) => ({ y, k })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < order.length; i++) order[i].y = Math.max(order[i].y, order[i - 1].y + gap);
  const overflow = order.length ? order[order.length - 1].y - hi : 0;
  if (overflow > 0) for (const o of order) o.y -= overflow;
  for (let i = 0; i < order.length; i++) order[i].y = Math.max(order[i].y, lo + i * gap);
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.k] = o.y;
  return out;
}
