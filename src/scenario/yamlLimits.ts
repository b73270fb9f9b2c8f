import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/**
 * Limits on the shape of a scenario document, checked on the YAML syntax tree before it becomes JavaScript values,
 * so that no input exhausts the stack or the heap (docs/conventions.md#limits). Scenario files are small and
 * hand-written: the Korea scenario nests 7 levels deep, holds at most 40 entries in a list and uses no alias.
 */
export const SCENARIO_LIMITS = {
  /** Deepest nesting of mappings and sequences (flow brackets included). */
  depth: 64,
  /** Most entries in one mapping or sequence. */
  entries: 10_000,
  /** Most aliases (`*name`) in a document. */
  aliases: 10_000,
  /** Most nodes the document holds once every alias is expanded (guards against "billion laughs"). */
  expandedNodes: 1_000_000,
  /** Most problems reported for one file; the rest are counted. */
  issues: 100,
  /**
   * Most lines plus list separators (`,`) in the text, counted before parsing: the parser's tree of an 18 MB file
   * of 600,000 one-line entries takes 2.3 GB and 48 s, so a text that cannot be a scenario is refused from its shape.
   */
  textItems: 50_000,
} as const;

/** A problem in the document's structure, at an offset of the text. */
export interface StructureIssue {
  offset: number;
  message: string;
  hint: string;
}

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Scans the raw text once, outside quotes and comments, before the YAML parser runs: `deepAt` is the offset where
 * flow brackets (`[`, `{`) first nest deeper than the depth limit (-1 if never; the parser's recursion would
 * overflow on a 100,000-deep `[[[…`), and `items` counts lines and commas, the entries a text can hold at most.
 * A bracket or comma inside a plain scalar counts too, which errs only on texts no scenario resembles.
 */
export function scanText(text: string, limit: number = SCENARIO_LIMITS.depth): { deepAt: number; items: number } {
  let depth = 0;
  let items = 1;
  let deepAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 39 /* ' */ && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) {
      for (i++; i < text.length; i++) if (text.charCodeAt(i) === 39) { if (text.charCodeAt(i + 1) === 39) i++; else break; }
    } else if (c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
      items++;
    } else if (c === 10 || c === 44) {
      items++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit && deepAt < 0) deepAt = i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return { deepAt, items };
}

type Frame = { node: Node; depth: number; children: (Node | null)[]; next: number; size: number };

function childrenOf(node: Node): (Node | null)[] {
  if (isMap(node)) return node.items.flatMap((p) => (isPair(p) ? [p.key as Node | null, p.value as Node | null] : []));
  if (isSeq(node)) return node.items as (Node | null)[];
  return [];
}

/**
 * Walks the document without recursion and reports what the loader refuses: nesting deeper than
 * `SCENARIO_LIMITS.depth`, collections larger than `entries`, aliases to no anchor, aliases inside the node they
 * name (a recursive structure), more aliases than `aliases` or an expansion beyond `expandedNodes`, merge keys
 * (`<<`, not part of YAML 1.2) and tags other than the core ones (`!!binary`, `!foo`). Stops at the first problem
 * of each kind, since one such problem usually repeats throughout the file.
 */
export function checkStructure(doc: Document): StructureIssue[] {
  const issues: StructureIssue[] = [];
  const seen = new Set<string>();
  const add = (kind: string, node: { range?: [number, number, number] | null } | null | undefined, message: string, hint: string) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    issues.push({ offset: node?.range?.[0] ?? 0, message, hint });
  };
  const root = doc.contents as Node | null;
  if (!root) return issues;
  const sizes = new Map<Node, number>();
  const onPath = new Set<Node>();
  let aliases = 0;
  const stack: Frame[] = [];
  const enter = (node: Node, depth: number) => {
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      add('tag', node, `YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not supported`, 'scenario files hold plain YAML values (strings, numbers, booleans, null, lists, mappings); remove the tag');
    }
    const children = childrenOf(node);
    if (children.length / (isMap(node) ? 2 : 1) > SCENARIO_LIMITS.entries) {
      add('entries', node, `a collection holds ${isMap(node) ? children.length / 2 : children.length} entries, more than the limit of ${SCENARIO_LIMITS.entries}`, 'no scenario list needs that many entries; check that the file is the one you meant');
      sizes.set(node, 1);
      return;
    }
    if (depth > SCENARIO_LIMITS.depth) {
      add('depth', node, `the document nests deeper than ${SCENARIO_LIMITS.depth} levels`, 'scenario files nest a few levels deep; check the indentation and brackets here');
      sizes.set(node, 1);
      return;
    }
    if (isMap(node)) {
      for (const p of node.items) if (isPair(p) && isScalar(p.key) && p.key.value === '<<') add('merge', p.key, 'merge keys (<<) are not supported (they are not part of YAML 1.2)', 'write the keys out, or put an anchor on the whole value and refer to it with *name');
    }
    onPath.add(node);
    stack.push({ node, depth, children, next: 0, size: 1 });
  };
  enter(root, 1);
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.next === f.children.length) {
      stack.pop();
      onPath.delete(f.node);
      sizes.set(f.node, f.size);
      if (stack.length) stack[stack.length - 1].size = Math.min(Number.MAX_SAFE_INTEGER, stack[stack.length - 1].size + f.size);
      continue;
    }
    const child = f.children[f.next++];
    if (!child) continue;
    if (isAlias(child)) {
      aliases++;
      if (aliases > SCENARIO_LIMITS.aliases) add('aliases', child, `more than ${SCENARIO_LIMITS.aliases} aliases`, 'write the repeated values out, or use fewer anchors');
      const source = child.resolve(doc) as Node | undefined;
      if (!source) {
        add('unresolved', child, `alias *${child.source} refers to no anchor &${child.source} defined before it`, `define &${child.source} on a value earlier in the file, or remove the alias`);
        f.size++;
      } else if (onPath.has(source)) {
        add('recursive', child, `alias *${child.source} lies inside the value it names (a recursive structure)`, 'an alias must refer to a value that does not contain it');
        f.size++;
      } else f.size = Math.min(Number.MAX_SAFE_INTEGER, f.size + (sizes.get(source) ?? 1));
      continue;
    }
    if (isScalar(child)) {
      if (child.tag && !CORE_TAGS.has(child.tag)) enter(child, f.depth + 1);
      f.size++;
      continue;
    }
    enter(child, f.depth + 1);
  }
  const total = sizes.get(root) ?? 0;
  if (total > SCENARIO_LIMITS.expandedNodes) {
    add('expanded', root, `the aliases expand the document to ${total > 1e15 ? 'more than 10¹⁵' : total.toLocaleString('en-US')} values, more than the limit of ${SCENARIO_LIMITS.expandedNodes.toLocaleString('en-US')}`, 'aliases that refer to aliases multiply; write the values out');
  }
  return issues;
}
