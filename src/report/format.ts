// Text helpers of the report: HTML escaping and the number formats every table and figure shares.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values (& < > " ').
 * Example: `escapeHtml('<b> & "c"')` → `'&lt;b&gt; &amp; &quot;c&quot;'`.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** What a number that is not finite prints as (results never hold one, but a report must not print `NaN%`). */
export const MISSING = '\u2014';

/**
 * A probability (0–1) as a percentage: one decimal from 1 %, two below it, two significant digits below 0.1 %
 * (so a rare nuclear outcome does not print as 0.0 %). Example: `pct(0.0321)` → `'3.2%'`, `pct(0.00042)` → `'0.042%'`.
 */
export function pct(p: number): string {
  if (!Number.isFinite(p)) return MISSING;
  const x = p * 100;
  if (x === 0) return '0%';
  const a = Math.abs(x);
  const digits = a >= 1 ? 1 : a >= 0.1 ? 2 : Math.min(6, 1 - Math.floor(Math.log10(a)));
  return `${x.toFixed(digits)}%`;
}

/**
 * A difference of probabilities in percentage points, signed. Example: `pp(-0.012)` → `'−1.2 pp'`.
 * The minus sign is U+2212 so columns of signed numbers align.
 */
export function pp(d: number): string {
  const s = points(Math.abs(d));
  return d > 0 ? `+${s}` : d < 0 ? `\u2212${s}` : s;
}

/** An unsigned difference of probabilities in percentage points (regret). Example: `points(0.0056)` → `'0.56 pp'`. */
export function points(d: number): string {
  return pct(d).replace('%', ' pp');
}

/** A plain number with `digits` decimals (default 2), signed with U+2212 when negative. Example: `num(-0.5)` → `'−0.50'`. */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return MISSING;
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `\u2212${s}` : s;
}

/** A signed plain number for differences. Example: `signed(0.25)` → `'+0.25'`. */
export function signed(x: number, digits = 2): string {
  const s = num(x, digits);
  return x > 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? `+${s}` : s;
}

/** A 95 % interval `[lo – hi]` of two already formatted bounds, with an en dash. */
export function range(lo: string, hi: string): string {
  return `[${lo} \u2013 ${hi}]`;
}

/** True when a paired difference's interval excludes zero (both bounds strictly on one side). */
export function excludesZero(d: { lo: number; hi: number }): boolean {
  return d.lo > 0 || d.hi < 0;
}
