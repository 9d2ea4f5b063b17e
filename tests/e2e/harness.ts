/*
 * End-to-end harness: the built renderer (out/renderer) in real Chromium, with `window.doctor` bound to
 * the real engine service — the same `createDoctorService` + `dispatchIpc` path Electron main uses
 * (electron/main/ipc.ts), against the loopback emulators of tests/kit/world.ts.
 *
 * Use it from a test (build first: `flock /tmp/doctor-build.lock node build/scripts/build.mjs`):
 *
 *   const world = await startWorld();
 *   const wizard = await openWizard({ world });          // page on Welcome, window.doctor bound
 *   await wizard.page.getByRole('button', { name: /Start the checks/ }).click();
 *   await wizard.waitForStep('version');                  // the step's run finished
 *   expect(wizard.opened).toEqual([...]);                 // URLs fix:open-url would have opened
 *   await wizard.close(); await world.close();
 *
 * Options: `configOverrides` (merged into world.config()), `platform` (replace the memory secret store,
 * settings, or resolveProxy), `contextOptions` (env/platform/clock of the engine; env defaults to {} so
 * the machine's proxy variables never leak in), `viewport`, `navigate: false` (load later yourself). Everything the test may inspect is on the
 * returned object: `calls` (every IPC call and whether it succeeded), `events` (every run event sent to
 * the page), `opened`, `service`, `pageErrors` and `cspViolations()` (both must stay empty).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { IPC_CHANNEL_NAMES, type IpcResult, type RunEvent } from '../../shared/ipc';
import { STEP_NAMES, type StepName } from '../../shared/steps';
import { resolveConfig, type ConfigFile } from '../../electron/engine/core/config';
import {
  createDoctorService,
  type DoctorService,
  type ServiceOptions,
} from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { type ServicePlatform } from '../../electron/hosts/service/platform';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { World } from '../kit/world';
import { newChromiumContext, type ChromiumSession } from './chromium';
import { serveStatic, type StaticServer } from './static-server';

/** The built renderer the harness serves. */
export const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

/**
 * Copies the built renderer to a private folder so a parallel rebuild (which empties out/renderer) cannot
 * pull files from under a running page; waits briefly for a build in progress to finish.
 */
export async function snapshotRenderer(
  source = RENDERER_DIR,
): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'doctor-renderer-'));
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await cp(source, dir, { recursive: true });
      if (existsSync(path.join(dir, 'index.html')))
        return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no built renderer in ${source}: run the build first`, { cause: lastError });
}

/** Options of `openWizard`. */
export interface WizardOptions {
  readonly world: World;
  readonly configOverrides?: ConfigFile;
  readonly platform?: Partial<ServicePlatform>;
  readonly contextOptions?: ServiceOptions['contextOptions'];
  readonly viewport?: { width: number; height: number };
  readonly deviceScaleFactor?: number;
  /** The browser's language (Chromium's `locale`: navigator.languages), e.g. 'de'. */
  readonly locale?: string;
  /** False: do not load the wizard yet (add init scripts or listeners first, then `page.goto(server.url)`). */
  readonly navigate?: boolean;
}

/** One IPC call as the harness dispatched it. */
export interface RecordedCall {
  readonly channel: string;
  readonly payload: unknown;
  readonly result: IpcResult<unknown>;
}

/** A wizard page bound to the real engine. */
export interface WizardHarness {
  readonly page: Page;
  readonly service: DoctorService;
  readonly platform: ServicePlatform;
  readonly server: StaticServer;
  /** The private copy of out/renderer the server serves. */
  readonly rendererDir: string;
  readonly calls: RecordedCall[];
  readonly events: RunEvent[];
  /** URLs `openExternal` was asked to open (after the allow-list), in order; nothing is really opened. */
  readonly opened: string[];
  readonly pageErrors: string[];
  /** CSP violations the page reported (must stay empty: no inline script or style slipped in). */
  cspViolations(): Promise<string[]>;
  /** Waits until the wizard shows `step`'s run as finished (its status line leaves running/waiting). */
  waitForStep(step: StepName, timeoutMs?: number): Promise<void>;
  /** Waits until every step shows its run finished (Start runs the whole diagnosis ahead). */
  waitForAllSteps(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The script that defines `window.doctor` before the page's own code runs (the preload's job in the app). */
function bridgeScript({ names, preferences }: { names: readonly string[]; preferences: unknown }): void {
  const listeners = new Set<(event: unknown) => void>();
  const violations: string[] = [];
  Object.defineProperty(window, '__cspViolations', { value: violations });
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  const host = window as unknown as { __doctorInvoke: (channel: string, payload: unknown) => Promise<unknown> };
  const api: Record<string, unknown> = Object.fromEntries(
    names.map((name) => [name, (request: unknown) => host.__doctorInvoke(name, request)]),
  );
  // What the preload reads from its command line in the app (shared/preferences-argument.ts).
  api.initialPreferences = preferences;
  api.onRunEvent = (listener: (event: unknown) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  Object.defineProperty(window, '__doctorEmit', { value: (event: unknown) => listeners.forEach((l) => l(event)) });
  Object.defineProperty(window, 'doctor', { value: Object.freeze(api) });
}

/** Serves out/renderer, starts a real service against the world and opens the wizard in Chromium. */
export async function openWizard(options: WizardOptions): Promise<WizardHarness> {
  const opened: string[] = [];
  const calls: RecordedCall[] = [];
  const events: RunEvent[] = [];
  const pageErrors: string[] = [];
  const platform: ServicePlatform = {
    openExternal: async (url) => void opened.push(url),
    secretStore: createMemorySecretStore(),
    settings: createMemorySettings(),
    // Stands in for main's native "Read my account" dialog: the e2e user says yes.
    confirmStoredSignIn: async () => true,
    ...options.platform,
  };
  let page: Page | null = null;
  // Events reach the page in order and before the run's answer, as webContents.send does in the app.
  let delivery: Promise<unknown> = Promise.resolve();
  const service = createDoctorService({
    config: resolveConfig(options.world.config(options.configOverrides)),
    platform,
    contextOptions: { env: {}, ...options.contextOptions },
    onRunEvent: (event) => {
      events.push(event);
      const target = page;
      if (!target) return;
      delivery = delivery
        .then(() =>
          target.evaluate((e) => (window as unknown as { __doctorEmit: (e: unknown) => void }).__doctorEmit(e), event),
        )
        .catch(() => undefined);
    },
  });
  const redact = (text: string) => service.secrets.redact(text);

  const snapshot = await snapshotRenderer();
  const server = await serveStatic(snapshot.dir);
  let chromium: ChromiumSession | null = null;
  try {
    chromium = await newChromiumContext({
      ...(options.viewport ? { viewport: options.viewport } : {}),
      ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    const { context } = chromium;
    await context.exposeBinding('__doctorInvoke', async (_source, channel: string, payload: unknown) => {
      const result = await dispatchIpc(service.handlers, channel, payload, redact);
      calls.push({ channel, payload, result });
      await delivery;
      return result;
    });
    await context.addInitScript(bridgeScript, {
      names: IPC_CHANNEL_NAMES,
      preferences: platform.settings.getPreferences(),
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (options.navigate !== false) await page.goto(server.url);
  } catch (error) {
    await chromium?.close();
    await server.close();
    await snapshot.remove();
    throw error;
  }
  const livePage = page;
  const session = chromium;

  return {
    page: livePage,
    service,
    platform,
    server,
    rendererDir: snapshot.dir,
    calls,
    events,
    opened,
    pageErrors,
    cspViolations: () =>
      livePage.evaluate(() => [...(window as unknown as { __cspViolations: string[] }).__cspViolations]),
    async waitForStep(step, timeoutMs = 20_000) {
      await livePage
        .locator(`section[data-step="${step}"] .step-result:is([data-status="done"], [data-status="failed"])`)
        .waitFor({ state: 'attached', timeout: timeoutMs });
    },
    async waitForAllSteps(timeoutMs = 30_000) {
      await livePage.waitForFunction(
        (steps) =>
          steps.every((step) => {
            const status = document.querySelector(`[data-page="${step}"][data-outcome]`)?.getAttribute('data-outcome');
            return status !== null && status !== undefined && !['not-run', 'waiting', 'running'].includes(status);
          }),
        [...STEP_NAMES],
        { timeout: timeoutMs },
      );
    },
    async close() {
      await session.close();
      await server.close();
      await snapshot.remove();
    },
  };
}
