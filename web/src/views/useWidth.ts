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
