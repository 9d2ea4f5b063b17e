import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { inject } from 'vitest';

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

/** A fresh browser context (its own cookies, storage, permissions and bindings), closed with `close()`. */
export interface ChromiumSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

let shared: Promise<Browser> | null = null;

/**
 * The run's one Chromium (tests/e2e/browser-broker.ts, a global setup of vitest.config.ts), connected once
 * per test process; null where no broker runs (the bench and screenshot configs launch their own).
 */
function sharedBrowser(): Promise<Browser> | null {
  const broker = inject('chromiumBroker');
  if (!broker) return null;
  if (shared) return shared;
  const connecting = (async () => {
    const answer = await fetch(broker);
    if (!answer.ok) throw new Error(`the shared Chromium did not start: ${await answer.text()}`);
    return chromium.connect(await answer.text());
  })();
  // A browser that crashed or could not be reached is asked for again by the next caller.
  const forget = () => {
    if (shared === connecting) shared = null;
  };
  connecting.then((browser) => browser.on('disconnected', forget), forget);
  shared = connecting;
  return connecting;
}

/**
 * A fresh context of headless Chromium — of the run's shared browser under `npm test`, else of a browser
 * launched for it (fails with the install command when Chromium is missing).
 */
export async function newChromiumContext(
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
  const sharing = sharedBrowser();
  const browser = await (sharing ??
    chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }));
  const context = await browser.newContext({
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
      if (!sharing) await browser.close().catch(() => undefined);
    },
  };
}
