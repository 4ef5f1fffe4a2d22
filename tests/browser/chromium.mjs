// Debian's Chromium, launched headless the same way for every browser test script: no
// sandbox (tests run as root in CI), and nothing that would reach the network on its own.
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.DOSTYK_CHROMIUM || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless',
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
