import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser scenarios can run. Without Chromium: in CI (`CI=true`) fail — nothing passes
 * by being skipped there; on a contributor's machine say so loudly and skip.
 */
function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const msg = `browser scenarios need Chromium at ${CHROMIUM_PATH} — apt-get install chromium (or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`CI requires ${msg}`);
  console.warn(`\n⚠️  SKIPPED: ${msg}\n`);
  return false;
}

export const hasChromium = chromiumAvailable();
