// One place for how Twofold's scripts and tests start Debian's Chromium.
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium on a machine without GPU or outside network. */
export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium binary: $CHROMIUM_PATH, else Debian's. Throws with a hint when missing. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}
