import { describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './chromium.js';

describe.skipIf(chromiumSkipReason !== undefined)(`headless Chromium${chromiumSkipReason ? ` (skipped: ${chromiumSkipReason})` : ''}`, () => {
  it('renders a page and runs its script (the harness every browser test uses)', async () => {
    const { browser, close } = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">0</p><script>document.getElementById("x").textContent = String(6 * 7)</script>');
      expect(await page.textContent('#x')).toBe('42');
    } finally {
      await close();
    }
  }, 60_000);
});
