import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the flashpoints package (where package.json, scenarios/ and web/dist/ live), found by walking up
 * from this file: the same from the TypeScript sources (tests) and from the built `dist/src/server/`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flashpoints') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('the flashpoints package folder was not found above the server files');
    dir = up;
  }
}

/** A built file the server runs in a worker thread: from the sources, the matching file under `dist/` (build first). */
export function builtServerFile(name: string): string {
  const here = import.meta.url;
  const file = fileURLToPath(here.endsWith('.ts') ? new URL(`../../dist/src/server/${name}.js`, here) : new URL(`./${name}.js`, here));
  if (!existsSync(file)) throw new Error(`the server file ${file} is missing: run \`npm run build\` first`);
  return file;
}
