import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { checkReferences, suggest, type ScenarioIssue } from './check.js';
import { scenarioHash } from './hash.js';
import { allowedKeys } from './keys.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { checkStructure, scanText, SCENARIO_LIMITS } from './yamlLimits.js';

export { scenarioHash };

/** A problem located in the source text: `file:line:col path: message`, and a hint. */
export interface LocatedIssue {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  hint?: string;
}

/** On failure, at most `SCENARIO_LIMITS.issues` issues, in line order; `omitted` counts the rest. */
export type LoadResult = { ok: true; scenario: Scenario; hash: string } | { ok: false; issues: LocatedIssue[]; omitted?: number };

/**
 * Parses a scenario from YAML or JSON text (JSON is read by the YAML parser, so both get line and column
 * positions). Every problem — syntax, schema, cross-reference — is reported at once, located in the text.
 * Pure: no file system; `file` only labels the messages. `sha256` computes the hash (default: the core's own
 * `sha256Hex`, which runs in the browser; Node callers may pass node:crypto's, which gives the same hex).
 * Example: `parseScenario(text, 'korea.yaml')`.
 */
export function parseScenario(text: string, file: string, options: { sha256?: (text: string) => string } = {}): LoadResult {
  const lineCounter = new LineCounter();
  const at = (offset: number) => lineCounter.linePos(offset);
  const { deepAt: deep, items } = scanText(text);
  if (items > SCENARIO_LIMITS.textItems) {
    return { ok: false, issues: [{ file, line: 1, col: 1, path: '', message: `the text holds ${items.toLocaleString('en-US')} lines and list entries, more than the ${SCENARIO_LIMITS.textItems.toLocaleString('en-US')} a scenario may hold`, hint: 'a scenario is a few hundred lines; check that the file is the one you meant' }] };
  }
  if (deep >= 0) {
    // The parser is not even started: a 100,000-deep `[[[…` would overflow its recursion.
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    const col = deep - before.lastIndexOf('\n');
    return { ok: false, issues: [{ file, line, col, path: '', message: `brackets nest deeper than ${SCENARIO_LIMITS.depth} levels`, hint: 'scenario files nest a few levels deep; check the brackets here' }] };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return capped(
      doc.errors.map((e) => {
        const { line, col } = at(e.pos[0]);
        return { file, line, col, path: '', message: `YAML syntax: ${firstLine(e.message)}`, hint: yamlHint(e.code) };
      }),
    );
  }
  const structure = checkStructure(doc);
  if (structure.length) {
    return capped(structure.map((i) => ({ file, ...at(i.offset), path: '', message: i.message, hint: i.hint })).sort((a, b) => a.line - b.line || a.col - b.col));
  }
  // checkStructure has bounded aliases and their expansion, so yaml's own alias guard is not needed.
  const raw = doc.toJS({ maxAliasCount: -1 }) as unknown;
  const parsed = scenarioSchema.safeParse(raw);
  const found: ScenarioIssue[] = parsed.success ? [] : flatten(parsed.error.issues, raw);
  for (const issue of checkReferences(raw)) found.push(issue);
  if (found.length) {
    // Locating costs a walk per issue: locate ten times what is shown, in the order found, and count the rest.
    const located = found.slice(0, 10 * SCENARIO_LIMITS.issues).map((i) => locate(i, doc, at, file)).sort((a, b) => a.line - b.line || a.col - b.col);
    return capped(located, found.length - located.length);
  }
  const scenario = parsed.data as Scenario;
  return { ok: true, scenario, hash: scenarioHash(scenario, options.sha256) };
}

/** The first `SCENARIO_LIMITS.issues` issues, and how many more there were. */
function capped(issues: LocatedIssue[], unlocated = 0): LoadResult {
  const max = SCENARIO_LIMITS.issues;
  const omitted = Math.max(0, issues.length - max) + unlocated;
  return omitted ? { ok: false, issues: issues.slice(0, max), omitted } : { ok: false, issues };
}

/** Formats an issue as the CLI prints it. */
export function formatIssue(i: LocatedIssue): string {
  return `${i.file}:${i.line}:${i.col} ${i.path || '(document)'}: ${i.message}${i.hint ? `\n  hint: ${i.hint}` : ''}`;
}

type Issue = z.core.$ZodIssue;

/** Zod issues to plain ones; a union of a number and an annotated value reports only the branch the input meant. */
function flatten(issues: readonly Issue[], raw: unknown, prefix: PropertyKey[] = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const value = valueAt(raw, path);
      const branch = value !== null && typeof value === 'object' ? issue.errors[issue.errors.length - 1] : issue.errors[0];
      if (typeof value !== 'number' && (value === null || typeof value !== 'object')) {
        out.push({ path: clean(path), message: `expected a number or { value, source | assumption, range }, got ${describe(value)}` });
      } else out.push(...flatten(branch, raw, path));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(scenarioSchema, clean(path));
      for (const k of issue.keys) {
        const hint = suggest(k, allowed) ?? (allowed.length ? `allowed here: ${allowed.join(', ')}` : 'remove it (docs/scenario-format.md)');
        out.push({ path: clean([...path, k]), message: `unknown key '${k}'`, hint });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${describe(valueAt(raw, path))}`;
    out.push({ path: clean(path), message });
  }
  return out;
}

function clean(path: PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let cur = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

/** Finds the line and column of the deepest node that exists on the issue's path (the key itself for unknown keys). */
function locate(issue: ScenarioIssue, doc: Document, at: (o: number) => { line: number; col: number }, file: string): LocatedIssue {
  let offset = 0;
  for (let n = issue.path.length; n >= 0; n--) {
    const parent = doc.getIn(issue.path.slice(0, n - 1), true);
    const key = issue.path[n - 1];
    if (n > 0 && isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) {
        const node = pair.value as { range?: [number, number, number] } | null;
        offset = message(issue).startsWith('unknown key') || !node?.range ? pair.key.range[0] : node.range[0];
        break;
      }
      continue;
    }
    const node = doc.getIn(issue.path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      offset = node.range[0];
      break;
    }
  }
  const { line, col } = at(offset);
  return { file, line, col, path: pathText(issue.path), message: issue.message, hint: issue.hint };
}

const message = (i: ScenarioIssue) => i.message;

/** `actors[0].capabilities.conventional.value` */
export function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'a key appears twice in the same mapping';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check indentation and closing brackets or quotes';
    default:
      return 'the file is not valid YAML or JSON; check brackets, quotes and indentation near this position';
  }
}
