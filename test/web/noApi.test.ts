// Opened without the API (here from `vite preview`, which answers every unknown path with the page itself), the
// app says that no experiment store is reachable, logs no console error, and everything else still works — here
// with the browser claiming 4 cores, so that the core's worker shares the runs with 3 helpers: the figures are
// still those of `flashpoints run` (the merged counts do not depend on how the runs were split), and North Korea's
// type moves them to what the core computes in Node for that alternative.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { runCrisisBatch } from '../../src/models/crisis/batch.js';
import { prepareCrisis } from '../../src/models/crisis/prepare.js';
import { summarizeRisk } from '../../src/models/crisis/summarize.js';
import { applyPolicy, applyStructural } from '../../src/scenario/apply.js';
import { parseScenario } from '../../src/scenario/load.js';
import { chromiumSkipReason, launchChromium, type LaunchedChromium } from '../browser/chromium.js';
import { buildApp, VITE_CONFIG } from './buildApp.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// Page-side global of the evaluate callbacks (the root tsconfig has no DOM library).
declare const navigator: { hardwareConcurrency: number };

/** The status quo with North Korea regime-driven, 1,000 runs of seed 1, by the core's functions in Node. */
function regimeDriven() {
  const loaded = parseScenario(readFileSync(`${repo}scenarios/korea-2024.yaml`, 'utf8'), 'korea-2024.yaml');
  if (!loaded.ok) throw new Error('the Korea scenario does not parse');
  const reference = applyStructural(loaded.scenario, { 'prk-type': 'regime-driven' });
  const p = prepareCrisis(applyPolicy(reference, 'status-quo'), 120, reference);
  return summarizeRisk(p, runCrisisBatch(p, { seed: 1, future: 0, firstReplication: 0, count: 1000 })).outcomes;
}

describe.skipIf(chromiumSkipReason)('the app without the API', () => {
  let chromium: LaunchedChromium;
  let preview: PreviewServer;
  beforeAll(async () => {
    await buildApp();
    const vite = await import('vite');
    preview = await vite.preview({ configFile: VITE_CONFIG, preview: { host: '127.0.0.1', port: 0, open: false } });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await preview?.close();
  });

  it('says no experiment store is reachable, with no console error, and still runs the model', async () => {
    const url = preview.resolvedUrls?.local[0];
    expect(url).toBeTruthy();
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
    await page.goto(url!);
    await page.waitForSelector('.comparison[data-api="absent"]', { timeout: 60_000 });
    expect(await page.locator('.comparison .notice').innerText()).toContain('No experiment store is reachable');
    await page.waitForSelector('.risk[data-final="true"]', { timeout: 60_000 });
    const cli = JSON.parse(execFileSync('node', [`${repo}dist/src/cli/main.js`, 'run', 'scenarios/korea-2024.yaml', '--runs', '1000', '--seed', '1', '--json'], { cwd: repo, encoding: 'utf8' }));
    for (const outcome of ['war', 'nuclear', 'clash'] as const) {
      expect(await page.locator(`.risk [data-outcome="${outcome}"] .num.big`).innerText()).toBe(`${(100 * cli.outcomes[outcome].p).toFixed(1)}%`);
    }
    expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBe(4);
    expect(await page.locator('main').getAttribute('data-helpers')).toBe('3');
    // North Korea's type: the regime-driven alternative, checked against the same core run in Node.
    await page.check('input[name="prk-type"][value="regime-driven"]');
    await page.waitForSelector('.risk[data-final="true"][data-move="1"]', { timeout: 60_000 });
    const expected = regimeDriven();
    expect(expected.war.p).not.toBe(cli.outcomes.war.p); // the type matters for P(war) in this scenario
    for (const outcome of ['war', 'nuclear', 'clash'] as const) {
      expect(await page.locator(`.risk [data-outcome="${outcome}"] .num.big`).innerText()).toBe(`${(100 * expected[outcome].p).toFixed(1)}%`);
    }
    expect(problems).toEqual([]);
  });
});
