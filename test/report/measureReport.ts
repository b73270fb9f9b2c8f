// Measures an HTML report in headless Chromium at 1280 and 390 px wide: page height, where the first figure and
// the answer sit, what sticks out of the viewport and what text renders under 12 px (docs/report.md#layout).
// Run: `npx tsx test/report/measureReport.ts flashpoints-report.html` (add `--open` to unfold every <details>,
// `--screenshots DIR` to save the first screen at each width).
import { readFileSync } from 'node:fs';
import { launchChromium } from '../browser/chromium.js';
import { measureLayout, openAllDetails } from './pageLayout.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx test/report/measureReport.ts REPORT.html [--open] [--screenshots DIR]\n');
  process.exit(2);
}
const html = readFileSync(file, 'utf8');
const { browser, close } = await launchChromium();
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(html, { waitUntil: 'load' });
    if (process.argv.includes('--open')) await openAllDetails(page);
    const shots = process.argv.indexOf('--screenshots');
    if (shots > 0) await page.screenshot({ path: `${process.argv[shots + 1]}/report-${width}.png`, fullPage: false });
    const l = await measureLayout(page);
    const at = (b: { top: number; bottom: number } | null) => (b ? `${Math.round(b.top)}–${Math.round(b.bottom)} px` : 'none');
    process.stdout.write(`${width} px: page height ${l.height} px, scroll width ${l.scrollWidth} px; first figure ${at(l.firstFigure)}; answer ${at(l.answer)}, its figure ${at(l.answerFigure)}\n`);
    process.stdout.write(`  ${l.wide.length} elements wider than the viewport, ${l.smallText.length} texts under 12 px, ${l.clippedSvgText.length} figure labels outside their figure; ${l.scrollingBoxes} of ${l.scrollBoxes} scroll boxes scroll\n`);
    for (const w of [...l.wide.slice(0, 8), ...l.smallText.slice(0, 8), ...l.clippedSvgText.slice(0, 5)]) process.stdout.write(`    ${w}\n`);
    await page.close();
  }
} finally {
  await close();
}
