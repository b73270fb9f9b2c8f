// The app in a real headless Chromium: it loads with no console error, draws the map, the network and the charts,
// shows the same P(war) as the CLI's `flashpoints run` for the same settings (the worker runs the unchanged core),
// answers lever moves, opens a number's source, renders a stored comparison, and fits a 390 px screen.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../src/report/types.js';
import { parseScenario } from '../../src/scenario/load.js';
import { chromiumSkipReason, launchChromium, type LaunchedChromium } from '../browser/chromium.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { buildApp, OUTPUT_DIR } from './buildApp.js';

// Page-side globals of the evaluate callbacks: the root tsconfig has no DOM library (the core must not use it).
declare const document: any, innerWidth: number;
declare function getComputedStyle(e: unknown): { overflowX: string };

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = (args: string[]) => execFileSync('node', [`${repo}dist/src/cli/main.js`, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
const korea = 'scenarios/korea-2024.yaml';
/** The CLI's figures for the app's settings: 1,000 runs, seed 1, as `flashpoints run` computes them. */
const runCli = (extra: string[]) => JSON.parse(cli(['run', korea, '--runs', '1000', '--seed', '1', '--json', ...extra])) as { outcomes: Record<'war' | 'nuclear' | 'clash', { p: number }> };
const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

describe.skipIf(chromiumSkipReason)('the app in Chromium', () => {
  let chromium: LaunchedChromium;
  let server: RunningServer;
  let storeDir: string;
  let comparison: ComparisonResult;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await buildApp();
    // A small stored experiment, computed by the real CLI (4 futures × 8 runs per policy) into a fresh store that
    // the real `flashpoints serve` (startServer) then reads back and serves with the built app.
    storeDir = mkdtempSync(join(tmpdir(), 'flashpoints-app-'));
    const store = join(storeDir, 'store.sqlite');
    comparison = JSON.parse(cli(['compare', korea, '--futures', '4', '--runs', '8', '--store', store, '--json'])) as ComparisonResult;
    server = await startServer({ port: 0, threads: 1, store });
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await settled(page, 0);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  it('loads with no console error and draws the map, the network and the charts', async () => {
    const drawn = await page.evaluate(() => {
      const len = (sel: string): number[] => [...document.querySelectorAll(sel)].map((e: any) => (e.getAttribute('d') ?? '').length);
      return {
        actorCountries: len('.map path.country.actor').filter((n) => n > 200).length,
        contextCountries: document.querySelectorAll('.map path.country.context').length,
        mapLines: document.querySelectorAll('.map line').length,
        nodes: document.querySelectorAll('.network circle').length,
        links: document.querySelectorAll('.network line').length,
        band: len('.band-chart path.band')[0] ?? 0,
        median: len('.band-chart path.median')[0] ?? 0,
        trajectories: document.querySelectorAll('.arms-chart .trajectory path').length,
        verdict: document.querySelector('.verdict')?.textContent ?? '',
        nodeBoxes: [...document.querySelectorAll('.network circle')].map((c: any): number[] => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
      };
    });
    // Eight actor countries on the map (the US sits off it), each a real outline; grey neighbours around them.
    expect(drawn.actorCountries).toBe(8);
    expect(drawn.contextCountries).toBeGreaterThan(5);
    expect(drawn.mapLines).toBeGreaterThan(5);
    expect(drawn.nodes).toBe(9);
    expect(drawn.links).toBeGreaterThan(8);
    // A band over 120 months is a path of 240 points; the median 120.
    expect(drawn.band).toBeGreaterThan(240 * 6);
    expect(drawn.median).toBeGreaterThan(120 * 6);
    // One line per capability stock the scenario gives (conventional and strategic).
    const stocks = parseScenario(readFileSync(`${repo}${korea}`, 'utf8'), korea);
    if (!stocks.ok) throw new Error('the Korea scenario does not parse');
    expect(drawn.trajectories).toBe(stocks.scenario.actors.reduce((n, a) => n + Object.keys(a.capabilities ?? {}).length, 0));
    expect(drawn.verdict).toMatch(/stable|unstable/);
    // Nodes do not sit on top of one another (a deterministic force layout, not a collapsed one).
    for (let i = 0; i < drawn.nodeBoxes.length; i++) for (let j = i + 1; j < drawn.nodeBoxes.length; j++) {
      const [a, b] = [drawn.nodeBoxes[i], drawn.nodeBoxes[j]];
      expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(20);
    }
    expect(problems).toEqual([]);
  });

  it('lays the network out the same on every load, and moves it along the alignment path with the time slider', async () => {
    const positions = (p: Page) => p.$$eval('.network circle', (cs: any[]) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`));
    const other = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(server.url);
    await settled(other, 0);
    const first = await positions(page);
    expect(await positions(other)).toEqual(first);
    await other.fill('#alignment-year', '10');
    await other.waitForFunction(() => document.querySelector('.network svg')?.getAttribute('aria-label')?.includes('2034'));
    expect(await positions(other)).not.toEqual(first);
    await other.close();
  });

  it('shows the status quo P(war) and P(nuclear) that `flashpoints run` computes with the same seed', async () => {
    const sq = runCli([]);
    expect(await shown(page, 'war')).toBe(pct(sq.outcomes.war.p));
    expect(await shown(page, 'nuclear')).toBe(pct(sq.outcomes.nuclear.p));
  });

  it('moving a lever changes the P(war) shown, to what the CLI computes for the same lever', async () => {
    const sq = await shown(page, 'war');
    await page.selectOption('.levers select', 'dialogue');
    await settled(page, 1);
    const dialogue = runCli(['--policy', 'dialogue']);
    expect(await shown(page, 'war')).toBe(pct(dialogue.outcomes.war.p));
    expect(await shown(page, 'war')).not.toBe(sq);
    // P(nuclear | war) moves P(nuclear use) and leaves P(war) alone.
    await page.fill('#nuclear-given-war', '0.6');
    await settled(page, 2);
    const nuclear = runCli(['--policy', 'dialogue', '--set', 'crisis.ladder.nuclearGivenWar=0.6']);
    expect(await shown(page, 'nuclear')).toBe(pct(nuclear.outcomes.nuclear.p));
    expect(await shown(page, 'war')).toBe(pct(dialogue.outcomes.war.p));
  });

  it('with every effect size and adherence of a policy at zero, its levers reproduce the status quo (the placebo)', async () => {
    const sliders = await page.$$eval('.levers input[type=range]:not(#nuclear-given-war)', (els) => els.map((e) => `#${e.id}`));
    expect(sliders.length).toBe(8); // dialogue: six lever changes and two strategy switches
    let moves = 2;
    for (const s of sliders) {
      await page.fill(s, '0');
      moves++;
    }
    await settled(page, moves);
    const placebo = runCli(['--policy', 'dialogue', '--effects', 'zero', '--set', 'crisis.ladder.nuclearGivenWar=0.6']);
    const statusQuo = runCli(['--set', 'crisis.ladder.nuclearGivenWar=0.6']);
    expect(placebo.outcomes.war.p).toBe(statusQuo.outcomes.war.p);
    expect(await shown(page, 'war')).toBe(pct(statusQuo.outcomes.war.p));
    expect(await shown(page, 'nuclear')).toBe(pct(statusQuo.outcomes.nuclear.p));
  });

  it('every number opens its source: P(nuclear | war) shows the scenario’s assumption, from the keyboard', async () => {
    await page.focus('#nuclear-given-war-desc .num');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.provenance');
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.innerText();
    expect(text).toContain('Assumption');
    expect(text).toContain('Elicited: no data exists');
    expect(text).toContain('0.05 to 0.8');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('renders the stored experiment from the API: one row per policy with its record-weighted P(war)', async () => {
    await page.waitForSelector('.comparison-table tbody tr');
    const rows = await page.$$eval('.comparison-table tbody tr', (trs) => trs.map((tr) => ({ policy: tr.getAttribute('data-policy'), war: tr.querySelectorAll('td')[0]?.textContent })));
    expect(rows).toEqual(comparison.policies.map((p) => ({ policy: p.id, war: pct(p.weighted.outcomes.war.p) })));
    expect(await page.locator('.war-chart circle').count()).toBe(comparison.policies.length);
  });

  it('writes screenshots at 1280 and 390 px; at 390 px no element is wider than the viewport', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}/app-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.querySelector('.band-chart')?.getBoundingClientRect().width < 390);
    await page.screenshot({ path: `${OUTPUT_DIR}/app-390.png`, fullPage: true });
    const wide = await page.evaluate(() => {
      const scrolls = (e: any): boolean => !!e && e !== document.body && (getComputedStyle(e).overflowX === 'auto' || scrolls(e.parentElement));
      return [...document.querySelectorAll('body *')]
        .filter((e: any) => !scrolls(e.parentElement))
        .map((e: any) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }: any) => r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5))
        .map(({ e, r }: any): string => `${e.tagName}.${e.getAttribute('class') ?? ''} ${Math.round(r.left)}–${Math.round(r.right)}`);
    });
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const f of ['app-1280.png', 'app-390.png']) expect(readFileSync(`${OUTPUT_DIR}/${f}`).length).toBeGreaterThan(20_000);
    expect(existsSync(`${OUTPUT_DIR}/app-390.png`)).toBe(true);
    expect(problems).toEqual([]);
  });
});

/** Waits until the risk panel shows all runs of lever move number `move`. */
async function settled(page: Page, move: number) {
  await page.waitForSelector(`.risk[data-final="true"][data-move="${move}"]`, { timeout: 60_000 });
  await page.waitForSelector('.arms-chart .trajectory', { timeout: 60_000 });
}

/** The probability shown in the risk panel for an outcome, as text ("15.0%"). */
async function shown(page: Page, outcome: 'war' | 'nuclear' | 'clash') {
  return (await page.locator(`.risk [data-outcome="${outcome}"] .num.big`).innerText()).trim();
}
