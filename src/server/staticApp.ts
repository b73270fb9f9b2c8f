import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files a Vite build writes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The page `/` shows when `web/dist/` has not been built. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Flashpoints</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Flashpoints</h1>
<p>The app is not built: <code>web/dist/</code> is missing. Build it with <code>npm run build</code> (or <code>npm ci</code>) and restart <code>flashpoints serve</code>.</p>
<p>The API works without it: <a href="/api/health">/api/health</a>, <a href="/api/scenarios">/api/scenarios</a>, <a href="/openapi.json">/openapi.json</a> (docs/server.md).</p>
</body></html>
`;

/** A file to answer with, or null. */
export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * The built app's files under `dir` (web/dist): a URL path maps to a file inside it, never outside (`..`, encoded
 * or not, and absolute paths resolve outside and are refused). An unknown path that accepts HTML gets
 * `index.html` (the app routes in the browser); without a build, the not-built page.
 * Example: `staticFile('/work/web/dist', '/assets/index.js', false)`.
 */
export function staticFile(dir: string, urlPath: string, acceptsHtml: boolean): StaticFile | null {
  const built = existsSync(join(dir, 'index.html'));
  if (!built) return urlPath === '/' || acceptsHtml ? { body: Buffer.from(NOT_BUILT_PAGE), type: TYPES['.html'] } : null;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const root = resolve(dir);
  const file = resolve(root, `.${rel.endsWith('/') ? `${rel}index.html` : rel}`);
  if ((file === root || file.startsWith(root + sep)) && !rel.includes('\0') && existsSync(file) && statSync(file).isFile()) {
    return { body: readFileSync(file), type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  }
  return acceptsHtml ? { body: readFileSync(join(root, 'index.html')), type: TYPES['.html'] } : null;
}
