// The built app for the browser tests: web/dist as `npm run build` leaves it, built here when absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** Where the browser tests write their screenshots (gitignored). */
export const OUTPUT_DIR = `${repo}test-output/web`;
export const VITE_CONFIG = `${repo}web/vite.config.ts`;

/** Builds web/dist with the project's Vite config unless it is there already (`npm run build` builds it). */
export async function buildApp(): Promise<void> {
  if (existsSync(`${repo}web/dist/index.html`)) return;
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG });
}
