// Bundles the `flashpoints` command into ES modules (docs/performance.md#bundled-cli), run by `npm run build:cli`
// (and so `npm run build`) right after tsc: `node scripts/bundleCli.mjs`. The bundle replaces tsc's
// dist/src/cli/main.js, so the bin, `npm start` and every test that spawns the built CLI run it; its lazily loaded
// parts are chunks in dist/src/cli/chunks/. A plain `tsc -p tsconfig.build.json` writes the unbundled main.js back,
// which works the same (only slower to start).
//
// The bundle is built from src/, but the worker threads and the server's package lookup still load tsc's files in
// dist/src/ (LOCATED below). A bundle over older tsc output would run new main-thread code beside old worker code
// under one build stamp, so this script refuses to run while any dist/src/**/*.js is missing or older than its
// src/**/*.ts.
//
// Why: a call used to load ~40 of the project's files and ~100 of its dependencies' one by one, and Node's
// CommonJS lexer read commander's and ml-matrix's sources on every start to find their exports. In the bundle the
// CommonJS dependencies are converted once, at build time.
//
// What stays outside: Node's built-ins; the dependencies that are native, large, or read files beside themselves
// (better-sqlite3, bullmq/ioredis, piscina, echarts, exceljs: every one loaded only by the commands that use it); and the two modules that find built files relative to their own location (the worker pool's worker files,
// the server's package folder), which are imported from their tsc-built place in dist/.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/src/cli');
const chunks = join(outdir, 'chunks');

/**
 * Dependencies the project's code imports that go into the bundle (with whatever they import themselves). A package
 * that shares objects with another must be on the same side: @hono/zod-openapi adds `.openapi()` to the zod it
 * imports, which must be the bundled zod the schemas are built with, so the server's packages are bundled too.
 */
const BUNDLED = new Set(['commander', 'jstat', 'ml-matrix', 'yaml', 'zod', 'cli-table3', 'cli-progress', 'hono', '@hono/node-server', '@hono/zod-openapi']);
/** Source modules that locate built files from `import.meta.url`: kept as their tsc output, next to those files. */
const LOCATED = new Set(['engine/pool.ts', 'server/packageRoot.ts']);

// The source files (src/, every .ts) whose tsc output in dist/src/ is missing or older than the source.
function staleTscOutput(dir = join(root, 'src')) {
  const stale = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, d.name);
    if (d.isDirectory()) stale.push(...staleTscOutput(file));
    else if (d.name.endsWith('.ts') && !d.name.endsWith('.d.ts')) {
      const built = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(file).mtimeMs) stale.push(relative(root, file));
    }
  }
  return stale;
}

const stale = staleTscOutput();
if (stale.length) {
  console.error(`bundleCli: tsc's output in dist/src/ is older than ${stale.length} source file(s), e.g. ${stale.slice(0, 3).join(', ')};`);
  console.error('the bundle would run beside stale worker code. Run `npm run build` (or `npm run build:cli`, which runs tsc first).');
  process.exit(1);
}

const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

const boundary = {
  name: 'flashpoints-boundary',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      // What a bundled dependency imports is bundled with it (Node's built-ins stay external by platform: 'node').
      if (args.importer.includes('/node_modules/')) return undefined;
      return BUNDLED.has(packageName(args.path)) ? undefined : { external: true };
    });
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.importer.includes('/node_modules/')) return undefined;
      const source = relative(join(root, 'src'), resolve(args.resolveDir, args.path)).replace(/\.js$/, '.ts');
      // Imported only from chunks (checked below), so the path is relative to dist/src/cli/chunks/.
      return LOCATED.has(source) ? { path: `../../${source.replace(/\.ts$/, '.js')}`, external: true } : undefined;
    });
  },
};

// tsc's main.js, kept as main.unbundled.js: the same CLI from the per-module files, which bench/cliStartup.ts runs
// beside the bundle (and whose stack traces name the source files). Not overwritten by a second bundling in a row.
const entry = join(outdir, 'main.js');
const tscEntry = existsSync(entry) ? readFileSync(entry, 'utf8') : '';
if (tscEntry && !tscEntry.includes('__flashpointsRequire')) {
  writeFileSync(join(outdir, 'main.unbundled.js'), tscEntry.replace('//# sourceMappingURL=main.js.map', '//# sourceMappingURL=main.unbundled.js.map'));
  if (existsSync(`${entry}.map`)) writeFileSync(join(outdir, 'main.unbundled.js.map'), readFileSync(`${entry}.map`));
}

rmSync(chunks, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // esbuild's wrappers of CommonJS modules call `require` for Node's built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __flashpointsRequire } from 'node:module';\nconst require = __flashpointsRequire(import.meta.url);" },
  plugins: [boundary],
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// A located module imported from the entry itself would resolve one folder too high: refuse such a bundle.
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  const located = out.imports.filter((i) => i.external && i.path.startsWith('../../'));
  if (located.length && !file.startsWith('dist/src/cli/chunks/')) throw new Error(`${file} imports ${located[0].path} from outside dist/src/cli/chunks/`);
}

// Every output gets this build's time, also the chunks whose bytes did not change: the scenario cache keys its
// entries by the modification time of the file holding its code (src/cli/scenarioCache.ts).
const now = new Date();
utimesSync(entry, now, now);
for (const f of readdirSync(chunks)) utimesSync(join(chunks, f), now, now);
