// A band over months: the 5–95% band of a monthly distribution, its median and mean, as an accessible SVG.
import { BAND, MEAN, MEDIAN } from '../palette.js';
import { linear, ticks } from '../format.js';
import { useWidth } from './useWidth.js';

/** A monthly distribution: mean and the 5%, 50%, 95% quantiles, one entry per month. */
export interface Band { mean: number[]; q05: number[]; q50: number[]; q95: number[] }

/** The band chart; `startYear` labels month 1's year on the time axis. */
export function BandChart({ band, title, yLabel, startYear }: { band: Band; title: string; yLabel: string; startYear: number }) {
  const { ref, width: W } = useWidth<HTMLElement>();
  const H = Math.round(Math.min(280, Math.max(200, W * 0.42))), L = 44, R = 12, T = 12, B = 36;
  const n = band.mean.length;
  const hi = Math.max(1, ...band.q95, ...band.mean);
  const lo = Math.min(0, ...band.q05);
  const x = linear([1, Math.max(2, n)], [L, W - R]);
  const y = linear([lo, hi], [H - B, T]);
  const line = (v: number[]) => v.map((d, k) => `${k ? 'L' : 'M'}${x(k + 1).toFixed(1)},${y(d).toFixed(1)}`).join('');
  const area = band.q95.map((d, k) => `${k ? 'L' : 'M'}${x(k + 1).toFixed(1)},${y(d).toFixed(1)}`).join('') +
    band.q05.map((_, k) => { const j = n - 1 - k; return `L${x(j + 1).toFixed(1)},${y(band.q05[j]).toFixed(1)}`; }).join('') + 'Z';
  const yearTicks = Array.from({ length: Math.floor(n / 12) + 1 }, (_, k) => k * 12).filter((m) => m >= 1 || m === 0).map((m) => Math.max(1, m));
  const last = n - 1;
  const desc = `${title}: at month ${n} the median is ${band.q50[last]}, the 5–95% band ${band.q05[last]} to ${band.q95[last]}, the mean ${band.mean[last].toFixed(1)}.`;
  return (
    <figure class="chart" ref={ref}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={desc} class="band-chart">
        <title>{title}</title>
        {ticks(lo, hi, 4).map((t) => (
          <g key={`y${t}`}>
            <line x1={L} x2={W - R} y1={y(t)} y2={y(t)} class="grid" />
            <text x={L - 6} y={y(t) + 4} text-anchor="end" class="tick">{t}</text>
          </g>
        ))}
        {yearTicks.map((m, k) => (
          <text key={`x${m}`} x={x(m)} y={H - B + 16} text-anchor={m >= n - 6 ? 'end' : 'middle'} class="tick">{k % (W < 500 ? 4 : 2) === 0 ? startYear + k : ''}</text>
        ))}
        <text x={12} y={T + (H - B - T) / 2} transform={`rotate(-90 12 ${T + (H - B - T) / 2})`} text-anchor="middle" class="axis-label">{yLabel}</text>
        <path d={area} fill={BAND} fill-opacity={0.45} class="band" />
        <path d={line(band.q50)} fill="none" stroke={MEDIAN} stroke-width={2} class="median" />
        <path d={line(band.mean)} fill="none" stroke={MEAN} stroke-width={1.5} stroke-dasharray="5 3" class="mean" />
      </svg>
      <figcaption>
        <span class="key"><span class="swatch" style={{ background: BAND }} /> 5–95% of runs</span>
        <span class="key"><span class="swatch line" style={{ background: MEDIAN }} /> median</span>
        <span class="key"><span class="swatch dashed" style={{ borderColor: MEAN }} /> mean</span>
      </figcaption>
    </figure>
  );
}
