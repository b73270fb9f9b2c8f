/**
 * A real headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core, started with the
 * flags this machine needs (no sandbox as root, no background networking on a closed network) and a fresh profile.
 * `.ci/run` installs the package; a test that finds no browser skips and says why (`chromiumSkipReason`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Path of the Chromium binary: FLASHPOINTS_CHROMIUM, else Debian's /usr/bin/chromium. */
export const chromiumPath: string = process.env.FLASHPOINTS_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when Chromium is installed. */
export const chromiumSkipReason: string | undefined = existsSync(chromiumPath)
  ? undefined
  : `no Chromium at ${chromiumPath} (install Debian's chromium; .ci/run does)`;

/** Flags for headless Chromium as root on a machine without outside network (STACK.md). */
export const chromiumFlags: readonly string[] = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** A launched browser with its own profile folder; `close()` ends the browser and removes the folder. */
export interface LaunchedChromium { browser: Browser; close: () => Promise<void> }

/** Launches headless Chromium with a fresh user-data dir. Example: `const { browser, close } = await launchChromium()`. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'flashpoints-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: [...chromiumFlags],
  });
  const browser = context.browser();
  if (!browser) {
    // A persistent context has no Browser object in some versions: fall back to a plain launch.
    await context.close();
    const plain = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumFlags, `--user-data-dir=${profile}`] });
    return { browser: plain, close: async () => { await plain.close(); rmSync(profile, { recursive: true, force: true }); } };
  }
  return { browser, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}
