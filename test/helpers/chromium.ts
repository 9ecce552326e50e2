import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (CHROMIUM_PATH to use another). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests of `what` can run: without chromium they are skipped with a message, except
 * in CI, where a missing browser is a failure.
 */
export function browserAvailable(what: string): boolean {
  const found = fs.existsSync(CHROMIUM);
  if (!found && process.env.CI) {
    throw new Error(
      `Browser tests need Debian chromium at ${CHROMIUM} (apt-get install -y chromium); CI does not skip them`,
    );
  }
  if (!found)
    console.warn(`skipping ${what} browser tests: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return found;
}

/** Headless chromium with nothing of its own on the network (updates, sync, QUIC). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
