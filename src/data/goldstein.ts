/**
 * CAMEO → Goldstein tables: the weight of each CAMEO event code on Goldstein's (1992) conflict–cooperation scale,
 * −10 (most conflictual) to +10 (most cooperative). Reads GDELT's lookup (`CAMEO.goldsteinscale.txt`, tab-separated
 * `CAMEOEVENTCODE, GOLDSTEINSCALE`) and the ICEWS/`icews` R package table (`code, name, goldstein, …`). The two
 * differ for a few codes, so the table used is always the caller's choice.
 */
import { eachRecord, normalizeName, numberCell, readTable, requireColumns, RowError } from './table.js';
import type { Skipped } from './importResult.js';

export interface GoldsteinTable {
  scores: Map<string, number>;
  skipped: Skipped[];
  /** Which layout the header matched. */
  layout: 'gdelt' | 'icews';
}

/** A CAMEO code: two to four digits (root, base and sub-codes, e.g. `01`, `010`, `0211`). */
export const CAMEO_CODE = /^\d{2,4}$/;

/** Parses a Goldstein table in GDELT or ICEWS layout; rows with a bad code or a score outside [−10, 10] are skipped. */
export function parseGoldsteinTable(text: string): GoldsteinTable {
  const table = readTable(text);
  const col = requireColumns(table, { code: ['cameoeventcode', 'code', 'cameo_code'], score: ['goldsteinscale', 'goldstein'] }, 'Goldstein table');
  const layout = table.header.includes(normalizeName('CAMEOEVENTCODE')) ? 'gdelt' : 'icews';
  const scores = new Map<string, number>();
  const skipped: Skipped[] = [];
  eachRecord(table, skipped, (rec) => {
    const code = rec.fields[col.code].trim();
    if (!CAMEO_CODE.test(code)) throw new RowError(`bad code: '${code}' is not a CAMEO code (2–4 digits)`);
    const score = numberCell(rec.fields[col.score], 'goldstein', { min: -10, max: 10, missing: [] })!;
    if (scores.has(code)) throw new RowError(`duplicate: code ${code} appears again`);
    scores.set(code, score);
  });
  return { scores, skipped, layout };
}

/**
 * The Goldstein score of a CAMEO code: the code itself, else its three-digit base code, else its two-digit root
 * (`via` says which matched); undefined when none is in the table.
 */
export function goldsteinScore(scores: ReadonlyMap<string, number>, code: string): { score: number; via: string } | undefined {
  for (const c of [code, code.slice(0, 3), code.slice(0, 2)]) {
    const s = scores.get(c);
    if (s !== undefined) return { score: s, via: c };
  }
  return undefined;
}
