import { isMap, isNode, isSeq, parseDocument, type Node } from 'yaml';
import jStat from 'jstat';
import { CALIBRATION_SOURCE_ID } from '../../scenario/calibrationSources.js';
import type { CrisisValues } from './evidence.js';
import type { AlternativeCalibration } from './alternatives.js';

const roundSig = (x: number, d: number) => Number(x.toPrecision(d));

/**
 * The Beta(a, b) whose median is `median` exactly and whose 2.5% and 97.5% points come closest (in logs) to `lo`
 * and `hi`: a one-dimensional search over a, with b solved for the median. Example: the tuned warGivenClash
 * (0.0331 [0.00181, 0.146]) gives about Beta(1.17, 25.4).
 */
export function betaFromQuantiles(median: number, lo: number, hi: number): { a: number; b: number } {
  const bFor = (a: number) => {
    let l = -10, h = 15;
    for (let i = 0; i < 90; i++) {
      const m = (l + h) / 2;
      if (jStat.beta.inv(0.5, a, Math.exp(m)) > median) l = m;
      else h = m;
    }
    return Math.exp((l + h) / 2);
  };
  const err = (a: number, b: number) => (Math.log(jStat.beta.inv(0.025, a, b)) - Math.log(lo)) ** 2 + (Math.log(jStat.beta.inv(0.975, a, b)) - Math.log(hi)) ** 2;
  let best = { a: 1, b: bFor(1), e: Infinity };
  for (let la = -3; la <= 3; la += 0.01) {
    const a = Math.exp(la), b = bFor(a), e = err(a, b);
    if (e < best.e) best = { a, b, e };
  }
  return { a: best.a, b: best.b };
}

export { CALIBRATION_SOURCE_ID };

/** Where each calibrated value goes and what its note says. */
// How experiments sample each range: the default split-uniform keeps the calibrated value as the median on a
// skewed interval; warGivenClash is the Beta the calibration derives (its posterior pushed through the tuning map).
const TARGETS: { key: keyof CrisisValues; path: string[]; note: string; dist?: 'beta' }[] = [
  { key: 'baseRate', path: ['crisis', 'launches', 'baseRate'], note: 'NB2 fit to CNS monthly missiles 2012–2019: months with no exercise and no dialogue; Wald 95% range.' },
  { key: 'dispersion', path: ['crisis', 'launches', 'dispersion'], note: 'NB2 dispersion α of the same fit; Wald 95% range.' },
  { key: 'exerciseLift', path: ['crisis', 'launches', 'exerciseLift'], note: 'Log rate ratio of US–ROK exercise months (March/August cycle where the record is silent); Wald 95% range.' },
  { key: 'dialogueEffect', path: ['crisis', 'launches', 'dialogueEffect'], note: 'Log rate ratio of the 2018-04 … 2019-02 dialogue (no launch): profile-likelihood median point, upper end the 95% profile bound; the data set no finite lower bound.' },
  { key: 'baseline', path: ['crisis', 'actors', 'PRK', 'baseline'], note: 'Tuned on the model (fixed seed), under the default structural alternative, to COW MID use-of-force onset years of North Korea with ROK/US/Japan 1990–2014; range hits the Wilson 95% ends; sampled with the tuned value as median. The other alternatives add their own offsets (their changes).' },
  { key: 'warGivenClash', path: ['crisis', 'ladder', 'warGivenClash'], note: 'Tuned on the model to P(war | clash-year): rivalries 1946–2014 (beta-binomial prior) updated with no war on the peninsula since 1953; range hits the posterior 2.5/97.5%; sampled as the Beta whose median and 2.5/97.5% points match the tuned values (betaFromQuantiles).', dist: 'beta' },
];

/** Provenance written with the values: the command and the SHA-256 of each input (never a date). */
export interface CalibrationProvenance {
  command: string;
  inputs: { file: string; sha256: string }[];
}

/** A flow map in the scenario's hand-written style: `{ key: value, … }`, strings double-quoted (JSON escapes are valid YAML). */
function flowMap(entries: [string, string | number | number[]][]): string {
  // Ids and parameter paths stay plain; anything YAML could read as another type or that needs escaping is quoted.
  const plain = (x: string) => /^[a-z][A-Za-z0-9.-]*$/.test(x) && !['true', 'false', 'null', 'yes', 'no', 'on', 'off'].includes(x);
  const v = (x: string | number | number[]) => (Array.isArray(x) ? `[${x.join(', ')}]` : typeof x === 'number' ? String(x) : plain(x) ? x : JSON.stringify(x));
  return `{ ${entries.map(([k, x]) => `${k}: ${v(x)}`).join(', ')} }`;
}

type Edit = { start: number; end: number; text: string };

/** The text range of a node's value (start, end of value). */
function rangeOf(node: unknown): [number, number] | undefined {
  return isNode(node) && (node as Node).range ? [(node as Node).range![0], (node as Node).range![1]] : undefined;
}

/**
 * Writes calibrated values, each `{ value, source, range, note }`, into scenario YAML text. The document is
 * parsed with the yaml Document API and only the text ranges of the changed nodes are replaced (new keys are
 * inserted as a line before a block map's first key, or at the end of a flow map), so comments, layout and every other byte are kept. Adds or
 * replaces the `crisis-calibration` entry of `sources` (the command and input hashes). Each structural
 * alternative's calibrated changes (`alternatives`) replace its changes to the same paths or are appended to its
 * `changes` list, each as `{ path, add | scale, source, note }`. Pure: text in, text out.
 */
export function writeCrisisCalibration(text: string, values: CrisisValues, prov: CalibrationProvenance, alternatives: readonly AlternativeCalibration[] = []): string {
  const doc = parseDocument(text);
  const edits: Edit[] = [];
  for (const a of alternatives) edits.push(...alternativeEdits(doc, text, a));
  for (const t of TARGETS) {
    const v = values[t.key];
    const lo = Math.min(v.lo, v.estimate), hi = Math.max(v.hi, v.estimate);
    const beta = t.dist === 'beta' ? betaFromQuantiles(v.estimate, lo, hi) : undefined;
    const flow = flowMap([
      ['value', v.estimate], ['source', CALIBRATION_SOURCE_ID], ['range', [lo, hi]],
      ...(beta ? ([['dist', 'beta'], ['shape', [roundSig(beta.a, 4), roundSig(beta.b, 4)]]] as [string, string | number[]][]) : []),
      ['note', t.note],
    ]);
    const existing = rangeOf(doc.getIn(t.path, true));
    if (existing) {
      edits.push({ start: existing[0], end: existing[1], text: flow });
      continue;
    }
    const parent = doc.getIn(t.path.slice(0, -1), true);
    if (!isMap(parent) || !parent.items.length) throw new Error(`cannot insert ${t.path.join('.')}: ${t.path.slice(0, -1).join('.')} is not a map with entries`);
    if (parent.flow) {
      // `{ a: 1, b: 2 }` → `{ a: 1, b: 2, key: {…} }`: before the closing brace (and the space before it).
      const close = text.lastIndexOf('}', rangeOf(parent)![1] - 1);
      const at = text[close - 1] === ' ' ? close - 1 : close;
      edits.push({ start: at, end: at, text: `, ${t.path.at(-1)}: ${flow}` });
      continue;
    }
    const first = rangeOf(parent.items[0].key)!;
    const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1;
    edits.push({ start: lineStart, end: lineStart, text: `${text.slice(lineStart, first[0])}${t.path.at(-1)}: ${flow}\n` });
  }
  const entry = flowMap([
    ['id', CALIBRATION_SOURCE_ID],
    ['title', 'Crisis calibration: CNS launches 2012–2019, US–ROK exercises, COW MID v5, Thompson–Sakuwa–Suhas rivalries'],
    ['note', `Regenerated by \`${prov.command} --write\`; docs/calibration-crisis.md. Inputs (SHA-256): ${prov.inputs.map((i) => `${i.file} ${i.sha256.slice(0, 16)}`).join('; ')}.`],
  ]);
  const sources = doc.get('sources', true);
  if (!isSeq(sources) || sources.flow || !sources.items.length) throw new Error('the scenario needs a block list of sources');
  const at = sources.items.findIndex((it) => isMap(it) && it.get('id') === CALIBRATION_SOURCE_ID);
  if (at >= 0) {
    const r = rangeOf(sources.items[at])!;
    edits.push({ start: r[0], end: r[1], text: entry });
  } else {
    const last = rangeOf(sources.items.at(-1))!;
    const lineStart = text.lastIndexOf('\n', last[0] - 1) + 1;
    edits.push({ start: last[1], end: last[1], text: `\n${text.slice(lineStart, last[0])}${entry}` });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The edits that put one alternative's calibrated changes into its `changes` list (a block or flow sequence). */
function alternativeEdits(doc: ReturnType<typeof parseDocument>, text: string, a: AlternativeCalibration): Edit[] {
  const structural = doc.getIn(['uncertainties', 'structural'], true);
  const u = isSeq(structural) ? structural.items.find((it) => isMap(it) && it.get('id') === a.uncertainty) : undefined;
  const alts = isMap(u) ? u.get('alternatives', true) : undefined;
  const alt = isSeq(alts) ? alts.items.find((it) => isMap(it) && it.get('id') === a.alternative) : undefined;
  const changes = isMap(alt) ? alt.get('changes', true) : undefined;
  const where = `uncertainties.structural.${a.uncertainty}.${a.alternative}.changes`;
  if (!isSeq(changes) || !changes.items.length) throw new Error(`cannot write the calibrated changes: ${where} is not a list with entries`);
  const edits: Edit[] = [];
  const appended: string[] = [];
  for (const c of a.changes) {
    const flow = flowMap([['path', c.path], ...(c.add !== undefined ? ([['add', c.add]] as [string, number][]) : [['scale', c.scale!] as [string, number]]), ['source', CALIBRATION_SOURCE_ID], ['note', c.note]]);
    const existing = changes.items.find((it) => isMap(it) && it.get('path') === c.path);
    if (existing) edits.push({ start: rangeOf(existing)![0], end: rangeOf(existing)![1], text: flow });
    else appended.push(flow);
  }
  if (!appended.length) return edits;
  const last = rangeOf(changes.items.at(-1))!;
  if (changes.flow) {
    edits.push({ start: last[1], end: last[1], text: appended.map((f) => `, ${f}`).join('') });
    return edits;
  }
  // A block list: each new entry on its own line after the last one, indented like it (`- ` included).
  const lineStart = text.lastIndexOf('\n', last[0] - 1) + 1;
  const eol = text.indexOf('\n', last[1] - 1);
  const at = eol < 0 ? text.length : eol;
  edits.push({ start: at, end: at, text: appended.map((f) => `\n${text.slice(lineStart, last[0])}${f}`).join('') });
  return edits;
}
