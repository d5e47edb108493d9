import { existsSync } from 'node:fs';

/**
 * How to launch Chromium here: these machines cannot download Playwright's browsers, so use Debian's
 * (or CHROMIUM_PATH), falling back to Playwright's own browser where neither exists. The flags keep
 * Chromium off the network it cannot reach. Shared by the e2e suite and `npm run bench`.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath =
    process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
