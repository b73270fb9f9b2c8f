// Builds the app (web/ → web/dist): Preact, the core's Web Worker as an ES module, the Korea scenario bundled as
// text, the theatre's geography generated from world-atlas. `npm run build` runs it after tsc.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { noNodeImports } from './build/noNodeImports.js';
import { theatreAtlasPlugin } from './build/theatreAtlas.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [noNodeImports(), preact(), theatreAtlasPlugin()],
  worker: { format: 'es', plugins: () => [noNodeImports()], rolldownOptions: { checks: { pluginTimings: false } } },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  // The timing report of a slow plugin is noise on a loaded 2-core machine.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1500, rolldownOptions: { checks: { pluginTimings: false } } },
  logLevel: 'warn',
});
