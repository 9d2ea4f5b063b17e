// Vitest global setup: one headless Chromium for the whole run, shared by every worker. Launching Chromium
// costs about a second of CPU; a fresh context of a running browser costs milliseconds and isolates a test as
// well as a fresh profile does. The browser starts on the first request only (a run without e2e files never
// starts it) and is closed when the run ends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT/`: answers the shared browser's WebSocket endpoint, launching it on first use. */
    chromiumBroker: string;
  }
}

/** Starts the broker on loopback and provides its address; the returned teardown closes it and the browser. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let browser: Promise<BrowserServer> | null = null;
  const broker = createServer((_request, response) => {
    browser ??= chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    browser.then(
      (server) => response.end(server.wsEndpoint()),
      (error: Error) => {
        browser = null;
        response.writeHead(500).end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  project.provide('chromiumBroker', `http://127.0.0.1:${(broker.address() as AddressInfo).port}/`);
  return async () => {
    broker.closeAllConnections();
    broker.close();
    await (await browser?.catch(() => null))?.close();
  };
}
