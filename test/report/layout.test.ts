// The report as a reader sees it, in a real headless Chromium: a report rendered from a real small comparison of
// the Korea scenario (every policy, 8 futures × 8 runs × 120 months, its arms dynamics and a three-trajectory Morris
// screening), loaded from a file at 1280 and 390 px wide. Screenshots go to test-output/report/ (gitignored).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/engine/compare.js';
import { runSensitivity } from '../../src/engine/sensitivity.js';
import { armsSummary } from '../../src/report/armsData.js';
import { renderReport } from '../../src/report/html.js';
import { parseScenario } from '../../src/scenario/load.js';
import { chromiumSkipReason, launchChromium, type LaunchedChromium } from '../browser/chromium.js';
import { checkHtml } from './htmlCheck.js';
import { measureLayout, openAllDetails } from './pageLayout.js';

const out = fileURLToPath(new URL('../../test-output/report/', import.meta.url));
const reportFile = `${out}flashpoints-report.html`;

/** A small but real comparison: the engine, the record weighting, the screening and the arms data the main job adds. */
async function smallReport(): Promise<string> {
  const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
  if (!parsed.ok) throw new Error('korea-2024.yaml does not parse');
  const cells = { runs: 8, seed: 1, horizonMonths: 120, threads: 1, store: null, resume: false, force: false };
  const { result } = await comparePolicies(parsed.scenario, parsed.hash, { ...cells, policies: parsed.scenario.policies.map((p) => p.id), futures: 8, threshold: 0.05 });
  const morris = await runSensitivity(parsed.scenario, parsed.hash, { ...cells, runs: 4, method: 'morris', outcome: 'war', trajectories: 3, groupBy: 'family', levels: 4, n: 64, top: 10 });
  result.sensitivity = { screenings: [{ target: morris.target, factors: morris.morris.factors, dummy: morris.morris.dummy, trajectories: 3, runs: 4, groupBy: 'family' }], boxes: [] };
  result.arms = armsSummary(parsed.scenario, { futures: 8, seed: 1 });
  return renderReport(result);
}

describe.skipIf(chromiumSkipReason !== undefined)(`the report in headless Chromium${chromiumSkipReason ? ` (skipped: ${chromiumSkipReason})` : ''}`, () => {
  let chromium: LaunchedChromium;
  let browser: Browser;
  let html: string;
  beforeAll(async () => {
    html = await smallReport();
    mkdirSync(out, { recursive: true });
    writeFileSync(reportFile, html);
    chromium = await launchChromium();
    browser = chromium.browser;
  }, 400_000);
  afterAll(async () => { await chromium?.close(); });

  /** A page at `width` × 900 with the report loaded from its file, and every request it made besides the file. */
  async function open(width: number) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => { if (r.url() !== pathToFileURL(reportFile).href) requests.push(r.url()); });
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
    return { page, requests };
  }

  it('is one self-contained file: no script, nothing fetched from anywhere when it loads', async () => {
    expect(checkHtml(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    const { page, requests } = await open(1280);
    await openAllDetails(page);
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);
    await page.close();
  }, 180_000);

  it('at 1280 px: the answer and the main figure fill the first screen; nothing too wide, no text under 12 px', async () => {
    const { page } = await open(1280);
    const folded = await measureLayout(page);
    await page.screenshot({ path: `${out}report-1280.png`, timeout: 120_000 });
    expect(folded.answer!.top).toBeLessThan(200);
    expect(folded.answer!.bottom).toBeLessThanOrEqual(900);
    expect(folded.answerFigure!.bottom).toBeLessThanOrEqual(900);
    expect(folded.firstFigure).toEqual(folded.answerFigure);
    expect(await page.locator('#fig-answer').isVisible()).toBe(true);
    expect(await page.locator('#fig-answer-narrow').isVisible()).toBe(false);
    expect(await openAllDetails(page)).toBeGreaterThan(5);
    const unfolded = await measureLayout(page);
    for (const l of [folded, unfolded]) {
      expect(l.scrollWidth).toBeLessThanOrEqual(l.viewport);
      expect(l.wide).toEqual([]);
      expect(l.smallText).toEqual([]);
      expect(l.clippedSvgText).toEqual([]);
    }
    expect(unfolded.height).toBeGreaterThan(folded.height); // the folded tables were really folded
    await page.close();
  }, 180_000);

  it('at 390 px: nothing wider than the viewport (tables scroll inside their box), figures drawn narrow, text ≥ 12 px', async () => {
    const { page } = await open(390);
    const folded = await measureLayout(page);
    await page.screenshot({ path: `${out}report-390.png`, timeout: 120_000 });
    expect(folded.answer!.top).toBeLessThan(300);
    expect(folded.firstFigure).toEqual(folded.answerFigure);
    expect(await page.locator('#fig-answer-narrow').isVisible()).toBe(true);
    expect(await page.locator('#fig-answer').isVisible()).toBe(false);
    await openAllDetails(page);
    const unfolded = await measureLayout(page);
    for (const l of [folded, unfolded]) {
      expect(l.viewport).toBe(390);
      expect(l.scrollWidth).toBeLessThanOrEqual(390);
      expect(l.wide).toEqual([]);
      expect(l.smallText).toEqual([]);
      expect(l.clippedSvgText).toEqual([]);
    }
    // the wide tables are there and scroll within their boxes instead of widening the page
    expect(unfolded.scrollingBoxes).toBeGreaterThan(3);
    await page.close();
  }, 180_000);

  it('the measure catches what it must: a too-wide block, small text, and a wide SVG scaled down to fit', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.setContent('<body style="margin:0"><div style="width:500px">wide</div><p style="font-size:10px">small</p>'
      + '<div style="overflow-x:auto"><table><tr><td style="white-space:nowrap">' + 'scrolls '.repeat(80) + '</td></tr></table></div>'
      + '<svg viewBox="0 0 760 100" width="760" height="100" style="max-width:100%;height:auto"><text x="10" y="50" font-size="12">shrunk</text><text x="740" y="50" font-size="24">cut off</text></svg></body>');
    const l = await measureLayout(page);
    // the block, and the label that runs out of its figure (and so out of the viewport)
    expect(l.wide).toEqual(['div [0, 500]', expect.stringMatching(/^svg > text \[\d+, \d+\]$/)]);
    // 10 px, and 12 px scaled by 390/760 to 6.2 px; the 24 px label scales to 12.3 px and passes
    expect(l.smallText.map((t) => t.split(' ')[0])).toEqual(['p', 'svg']);
    expect(l.smallText[1]).toContain(`${(12 * 390 / 760).toFixed(1)}px`);
    expect(l.clippedSvgText).toEqual(['svg > text "cut off"']);
    expect(l.scrollingBoxes).toBe(1);
    await page.close();
  }, 60_000);
});
