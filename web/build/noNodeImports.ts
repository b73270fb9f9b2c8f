// A Vite plugin that fails the build when anything the app bundles (the page, the core's worker, the core itself)
// imports a Node built-in: the core must run in a browser unchanged (DESIGN.md §6).
import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** True when `source` names a Node built-in module (`node:fs`, `fs`, `fs/promises`, …). */
export function isNodeBuiltin(source: string): boolean {
  return source.startsWith('node:') || builtins.has(source) || builtins.has(source.split('/')[0]);
}

/** The plugin: any bundled import of a Node built-in fails the build with the importer's name. */
export function noNodeImports(): Plugin {
  return {
    name: 'flashpoints-no-node-imports',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && isNodeBuiltin(source)) this.error(`${importer} imports the Node module '${source}': the browser bundle must not (the core imports no node: module)`);
      return undefined;
    },
  };
}
