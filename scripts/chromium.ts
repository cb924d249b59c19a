import { readToolSettings } from '../src/build/options.ts';

/** Chromium for the browser tests, the benchmark and Lighthouse: Debian's by default, `CHROMIUM_PATH` for another. */
export const chromiumPath = readToolSettings().chromiumPath;

/** Flags this machine needs: no sandbox as root, and no background connections to hosts it cannot reach. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
