// What a page looks like once a real browser has laid it out: its height, where the first figure sits, which
// elements stick out of the viewport, which text renders under a size, which figure labels leave their figure.
// Measured in the page itself (getBoundingClientRect, getComputedStyle, the SVG's screen transform), so it checks
// what a reader sees, not what the HTML source says. Used by the report's Chromium test and by measureReport.ts.
import type { Page } from 'playwright-core';

/** A box in document coordinates (CSS pixels from the top left of the page). */
export interface Box { top: number; bottom: number; left: number; right: number }

/** The layout of a page at one viewport width. */
export interface PageLayout {
  /** Viewport width (documentElement.clientWidth) and the page's full scroll height and width. */
  viewport: number; height: number; scrollWidth: number;
  /** The first `<figure>` in document order, or null. */
  firstFigure: Box | null;
  /** The element with id `answer` (the report's opening section) and the first figure inside it, or null. */
  answer: Box | null; answerFigure: Box | null;
  /** Elements whose box leaves the viewport horizontally (outside any horizontally scrolling box), described. */
  wide: string[];
  /** Visible text rendered under `minFont` px (SVG text counted at its on-screen size), described. */
  smallText: string[];
  /** SVG text whose on-screen box leaves its figure's box, described. */
  clippedSvgText: string[];
  /** Scrolling boxes (overflow-x auto or scroll) and how many of them hold content wider than themselves. */
  scrollBoxes: number; scrollingBoxes: number;
}

// Runs in the page. Kept as source text: the project's type-check has no DOM library.
const MEASURE = String.raw`(minFont) => {
  const vw = document.documentElement.clientWidth;
  const sy = window.scrollY, sx = window.scrollX;
  const box = (r) => ({ top: r.top + sy, bottom: r.bottom + sy, left: r.left + sx, right: r.right + sx });
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
  const path = (e) => { const p = []; for (let x = e; x && x !== document.body && p.length < 4; x = x.parentElement) p.unshift(name(x)); return p.join(' > '); };
  const scrolls = (e) => { const o = getComputedStyle(e).overflowX; return o === 'auto' || o === 'scroll'; };
  const insideScroll = (e) => { for (let x = e.parentElement; x && x !== document.body; x = x.parentElement) if (scrolls(x)) return true; return false; };
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const all = [...document.body.querySelectorAll('*')];
  const wide = [];
  let scrollBoxes = 0, scrollingBoxes = 0;
  for (const e of all) {
    if (!shown(e) || insideScroll(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left + sx < -0.5 || r.right + sx > vw + 0.5) wide.push(path(e) + ' [' + Math.round(r.left + sx) + ', ' + Math.round(r.right + sx) + ']');
    if (scrolls(e)) { scrollBoxes++; if (e.scrollWidth > e.clientWidth + 1) scrollingBoxes++; }
  }
  const smallText = [], clippedSvgText = [];
  for (const e of all) {
    if (!shown(e)) continue;
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own) continue;
    let size = parseFloat(getComputedStyle(e).fontSize);
    const svg = e.ownerSVGElement;
    if (svg) {
      const m = e.getScreenCTM();
      if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const r = e.getBoundingClientRect(), s = svg.getBoundingClientRect();
      if (r.width > 0 && (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1)) clippedSvgText.push(path(e) + ' "' + e.textContent.trim().slice(0, 40) + '"');
    }
    if (size < minFont - 0.01) smallText.push(path(e) + ' ' + size.toFixed(1) + 'px "' + e.textContent.trim().slice(0, 40) + '"');
  }
  const fig = document.querySelector('figure');
  const visibleFig = [...document.querySelectorAll('figure')].find(shown) ?? null;
  const answer = document.getElementById('answer');
  const answerFig = answer ? [...answer.querySelectorAll('figure')].find(shown) ?? null : null;
  return {
    viewport: vw,
    height: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    firstFigure: visibleFig ? box(visibleFig.getBoundingClientRect()) : fig ? box(fig.getBoundingClientRect()) : null,
    answer: answer ? box(answer.getBoundingClientRect()) : null,
    answerFigure: answerFig ? box(answerFig.getBoundingClientRect()) : null,
    wide, smallText, clippedSvgText, scrollBoxes, scrollingBoxes,
  };
}`;

/** Measures the page as laid out now. `minFont` is the smallest text size allowed, in CSS px (default 12). */
export async function measureLayout(page: Page, minFont = 12): Promise<PageLayout> {
  return (await page.evaluate(`(${MEASURE})(${minFont})`)) as PageLayout;
}

/** Opens every `<details>` of the page, so folded content is laid out and measured too. */
export async function openAllDetails(page: Page): Promise<number> {
  return (await page.evaluate(`(() => { const d = [...document.querySelectorAll('details')]; d.forEach((x) => { x.open = true; }); return d.length; })()`)) as number;
}
