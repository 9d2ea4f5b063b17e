import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, offline browser: nothing phones home (background networking, component updates,
 * sync), and every host name except loopback fails to resolve, so the page can reach nothing else.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** A headless Chromium with a fresh user-data dir, removed on close. */
export interface ChromiumSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Debian's Chromium headless with a fresh profile (fails with the install command when it is missing). */
export async function launchChromium(
  options: {
    readonly viewport?: { width: number; height: number };
    readonly deviceScaleFactor?: number;
    /** The browser's language (navigator.language(s)), e.g. 'pt-BR'; Chromium's default otherwise. */
    readonly locale?: string;
  } = {},
): Promise<ChromiumSession> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'doctor-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1180, height: 860 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: 'dark',
    ...(options.locale ? { locale: options.locale } : {}),
    reducedMotion: 'reduce',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
