import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { ARMS_CALIBRATION_SOURCE, type StockCalibration } from '../../calibrate/calibrateArms.js';

export { ARMS_CALIBRATION_SOURCE };

export interface CalibrationProvenance {
  /** The data files read, relative to the data directory. */
  files: string[];
  /** Years of the levels used. */
  span: [number, number];
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * Writes the identified parameters of `calibration` into the scenario text, each as a one-line flow map
 * `{ value, source, range, note }`, and adds (or replaces) the calibration's entry in `sources`. yaml's Document
 * API locates the nodes (`parseDocument`, `getIn` and the nodes' source ranges); the new text is spliced in at
 * those ranges, because re-serialising the whole document (`setIn` + `toString`) would reflow every long flow
 * map of a hand-written file. Everything else — comments, layout, quoting — is kept byte for byte, and no
 * wall-clock date goes in, so reruns on the same data give the same file. Returns the new text and the paths written.
 */
export function writeCalibration(text: string, calibration: StockCalibration[], provenance: CalibrationProvenance): { text: string; written: string[] } {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`the scenario is not valid YAML: ${doc.errors[0].message}`);
  const actors = (doc.toJS() as { actors: { id: string }[] }).actors;
  const edits: Edit[] = [];
  const written: string[] = [];
  for (const c of calibration) {
    const [actor, kind] = c.label.split('.');
    const index = actors.findIndex((a) => a.id === actor);
    if (index < 0) continue;
    for (const p of c.parameters) {
      if (!p.identified || p.range === null || p.valueStdError === null) continue;
      const entry = flowMap({
        value: round(p.value),
        source: ARMS_CALIBRATION_SOURCE,
        range: [round(p.range[0]), round(p.range[1])],
        note: `OLS (HC1 SE) of yearly growth ${c.span[0]}–${c.span[1] + 1} in the elasticity form, identified regressors only: estimate ${sig(p.value)}, SE ${sig(p.valueStdError)}, t ${(p.value / p.valueStdError).toFixed(2)}, n ${c.n}, R² ${c.finalR2.toFixed(2)}; range ±2 SE (flashpoints calibrate arms)`,
      });
      edits.push(setFlow(doc, text, ['actors', index, 'capabilities', kind], p.name, entry));
      written.push(`actors.${actor}.capabilities.${kind}.${p.name}`);
    }
  }
  const source = flowMap({
    id: ARMS_CALIBRATION_SOURCE,
    title: `Arms calibration on SIPRI military expenditure ${provenance.span[0]}–${provenance.span[1]} (constant 2023 US$)`,
    publisher: 'Flashpoints (docs/calibration.md#arms)',
    year: 2025,
    note: `flashpoints calibrate arms <scenario> --data <data> --write; files: ${provenance.files.join(', ')}; SIPRI Military Expenditure Database 2025 release (data to 2024). Only parameters the data identify are written; the rest stay assumptions.`,
  });
  const sources = doc.get('sources', true);
  if (!isSeq(sources) || sources.items.length === 0) throw new Error('the scenario has no `sources` list to cite the calibration in');
  const at = sources.items.findIndex((item) => isMap(item) && item.get('id') === ARMS_CALIBRATION_SOURCE);
  if (at >= 0) edits.push(replaceNode(sources.items[at] as Node, source));
  else edits.push(appendLine(text, sources.items[sources.items.length - 1] as Node, `- ${source}`, -2));
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { text: out, written };
}

/** Replaces the value of `key` in the map at `path`, or adds `key: value` on a new line after the map's last entry. */
function setFlow(doc: ReturnType<typeof parseDocument>, text: string, path: (string | number)[], key: string, value: string): Edit {
  const map = doc.getIn(path, true);
  if (!isMap(map)) throw new Error(`${path.join('.')} is not a mapping`);
  const pair = map.items.find((it) => (it.key as { value?: unknown })?.value === key);
  if (pair?.value) return replaceNode(pair.value as Node, value);
  const last = map.items[map.items.length - 1];
  const lastKey = last.key as Node;
  const indent = lastKey.range![0] - text.lastIndexOf('\n', lastKey.range![0]) - 1;
  return appendLine(text, (last.value ?? lastKey) as Node, `${key}: ${value}`, indent);
}

function replaceNode(node: Node, value: string): Edit {
  return { at: node.range![0], end: node.range![1], text: value };
}

/** Inserts a line after the line where `node` ends, indented like the line `node` starts on (plus `shift`). */
function appendLine(text: string, node: Node, line: string, indent: number): Edit {
  const start = node.range![0];
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const column = indent >= 0 ? indent : text.slice(lineStart).search(/\S/) + indent + 2;
  const eol = text.indexOf('\n', node.range![1] - 1);
  const at = eol < 0 ? text.length : eol;
  return { at, end: at, text: `\n${' '.repeat(Math.max(0, column))}${line}` };
}

/** `{ k: v, ... }` in the scenario files' style: plain ids, quoted free text, ranges as [lo, hi]. */
function flowMap(obj: Record<string, string | number | number[]>): string {
  const val = (v: string | number | number[], k: string): string => {
    if (Array.isArray(v)) return `[${v.join(', ')}]`;
    if (typeof v === 'number') return String(v);
    return k === 'source' || k === 'id' ? v : JSON.stringify(v);
  };
  return `{ ${Object.entries(obj).map(([k, v]) => `${k}: ${val(v, k)}`).join(', ')} }`;
}

function round(x: number): number {
  return Number(x.toFixed(4)) + 0;
}

function sig(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
