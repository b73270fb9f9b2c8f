import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering of DESIGN.md §5 and STYLE.md §8, checked on the source: the core runs in the browser, and imports
// point one way (cli/server/web → engine/report → experiment → models/estimate/data → math; scenario imports none).
const src = fileURLToPath(new URL('../../src/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
const all = files(src).map((f) => ({ file: relative(src, f), text: readFileSync(f, 'utf8') }));
const layer = (file: string) => file.split('/')[0].replace(/\.[jt]s$/, '');
const importsOf = (text: string) => [...text.matchAll(/(?:^|\s)(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);

// Which layers each layer may import (besides itself and the leaf modules `version` and `scenario`).
const allowed: Record<string, string[]> = {
  math: [],
  scenario: [],
  models: ['math'],
  estimate: ['math', 'data'],
  data: ['math'],
  experiment: ['models', 'estimate', 'data', 'math'],
  calibrate: ['experiment', 'models', 'estimate', 'data', 'math'],
  sensitivity: ['math'],
  report: ['sensitivity', 'calibrate', 'experiment', 'models', 'estimate', 'data', 'math'],
  engine: ['sensitivity', 'calibrate', 'experiment', 'models', 'estimate', 'data', 'math', 'report'],
  // `flashpoints serve` starts the server (src/cli/commands/serve.ts); the server never imports the CLI.
  cli: ['server', 'engine', 'report', 'sensitivity', 'calibrate', 'experiment', 'models', 'estimate', 'data', 'math'],
  server: ['engine', 'report', 'sensitivity', 'calibrate', 'experiment', 'models', 'estimate', 'data', 'math'],
  // The entries: `index` (the browser-safe core) and `node` (src/node.ts: the core plus engine).
  index: ['sensitivity', 'calibrate', 'experiment', 'models', 'estimate', 'data', 'math', 'report'],
  node: ['index', 'engine', 'report', 'sensitivity', 'calibrate', 'experiment', 'models', 'estimate', 'data', 'math'],
};
const ioLayers = new Set(['cli', 'engine', 'server', 'node']);

describe('architecture', () => {
  it('the core imports no node: module', () => {
    const offenders = all.filter((f) => !ioLayers.has(layer(f.file)) && importsOf(f.text).some((m) => m.startsWith('node:')));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it('the core never calls Math.random or Date.now', () => {
    const offenders = all.filter((f) => !ioLayers.has(layer(f.file)) && /Math\.random\(|Date\.now\(/.test(f.text));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it('imports point one way', () => {
    const bad: string[] = [];
    for (const f of all) {
      const from = layer(f.file);
      if (!(from in allowed)) continue;
      for (const m of importsOf(f.text).filter((x) => x.startsWith('.'))) {
        const target = relative(src, join(src, f.file, '..', m));
        const to = layer(target);
        if (to === from || to === 'version' || to === 'scenario' || target.startsWith('..')) continue;
        if (!allowed[from].includes(to)) bad.push(`${f.file} → ${target}`);
      }
      if (from === 'scenario') {
        for (const m of importsOf(f.text).filter((x) => x.startsWith('.'))) {
          const to = layer(relative(src, join(src, f.file, '..', m)));
          if (to !== 'scenario') bad.push(`${f.file} → ${m}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('no source file grows past 500 lines', () => {
    const long = all.filter((f) => f.text.split('\n').length > 500).map((f) => `${f.file}: ${f.text.split('\n').length}`);
    expect(long).toEqual([]);
  });
});
