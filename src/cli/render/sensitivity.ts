import type { MorrisRow, SensitivityResult } from '../../engine/sensitivity.js';
import { fitTable } from './table.js';

const g3 = (x: number) => (Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(2));
const iv = (c: [number, number]) => `[${g3(c[0])}, ${g3(c[1])}]`;

/** Whether a factor's μ* interval lies wholly above the dummy's μ* (the run-noise floor). */
export function aboveNoise(f: MorrisRow, dummy: MorrisRow | null): boolean {
  return !dummy || f.muStarConf[0] > dummy.muStar;
}

/**
 * The readable form of `flashpoints sensitivity`: the Morris ranking (top `rows`, μ* with its interval, μ, σ, and
 * whether the factor clears the dummy's noise floor), then the Sobol' indices when run.
 */
export function renderSensitivity(r: SensitivityResult, info: { runs: number; seed: number; rows?: number }): string {
  const out: string[] = [];
  const m = r.morris;
  const show = info.rows ?? 15;
  out.push(`Which assumptions decide ${r.target}?`);
  if (m.trajectories) {
    const of = m.factors.length === r.inputs.length ? `${r.inputs.length} inputs` : `${r.inputs.length} inputs in ${m.factors.length} groups`;
    out.push(`Morris screening of ${of}: ${m.trajectories} trajectories × ${m.levels} levels = ${m.evaluations} design rows × ${r.policies.length} polic${r.policies.length > 1 ? 'ies' : 'y'} × ${info.runs} runs, seed ${info.seed}`);
    out.push('μ* = mean |elementary effect|: the change of the outcome over each input\'s whole range (importance); σ: non-linearity or interactions; * = μ* interval above the dummy\'s μ* (not run noise).');
    out.push(
      fitTable(
        ['rank', 'input', 'μ* [95%]', 'μ', 'σ', ''],
        m.factors.slice(0, show).map((f, k) => [k + 1, f.name, `${g3(f.muStar)} ${iv(f.muStarConf)}`, g3(f.mu), g3(f.sigma), aboveNoise(f, m.dummy) ? '*' : '']),
      ),
    );
    if (m.factors.length > show) out.push(`… and ${m.factors.length - show} more inputs (--json lists them all)`);
    if (m.dummy) out.push(`dummy (run-to-run noise): μ* ${g3(m.dummy.muStar)} ${iv(m.dummy.muStarConf)}`);
  }
  if (r.sobol) {
    const s = r.sobol;
    out.push('');
    out.push(`Sobol' indices on ${s.factors.length} factors (${s.fixed} fixed): N = ${s.n}, ${s.evaluations} design rows; output mean ${g3(s.mean)}, variance ${g3(s.variance)}`);
    out.push(
      fitTable(
        ['factor', 'first-order S [95%]', 'total S_T [95%]'],
        s.factors.map((f) => [f.name, `${g3(f.first)} ${iv(f.firstConf)}`, `${g3(f.total)} ${iv(f.totalConf)}`]),
      ),
    );
    if (s.dummy) out.push(`dummy (noise share of the variance): S_T ${g3(s.dummy.total)} ${iv(s.dummy.totalConf)}; a factor whose S_T does not clear it is not shown to matter`);
  }
  out.push(`cells: ${r.cells.computed} computed, ${r.cells.reused} reused from the store; ${r.seconds.toFixed(1)} s`);
  out.push('The design is unweighted: every input over its stated distribution, whatever the record says (docs/sensitivity.md#on-the-model).');
  return out.join('\n') + '\n';
}
