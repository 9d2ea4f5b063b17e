import path from 'node:path';
import type { BundlePreview, BundleSaveResult } from '../../../shared/ipc';
import type { Locale } from '../../../shared/i18n/locales';
import { createTranslator, type Translator } from '../../../shared/i18n/translator';
import {
  BundleTooLargeError,
  previewBundle,
  writeBundle,
  type BundleInput,
  type BundleLimits,
} from '../../engine/bundle';
import type { DiagnosisSession } from '../../engine/session/diagnosis-session';
import { HandlerError } from './dispatch';
import type { DoctorHandlers } from './handlers';
import type { ServicePlatform } from './platform';

/** What the bundle channels need besides the session's runs. */
export interface BundleHandlerOptions {
  readonly session: DiagnosisSession;
  readonly platform: ServicePlatform;
  /** The app's log file (userData/logs/app.log); absent = the runs' in-memory log. */
  readonly logFile?: string;
  readonly now: () => number;
  readonly limits?: Partial<BundleLimits>;
}

/** The file name the save dialog proposes: `stremio-trakt-doctor-<date>.zip` (UTC date of the export). */
export function defaultBundleName(now: number): string {
  return `stremio-trakt-doctor-${new Date(now).toISOString().slice(0, 10)}.zip`;
}

/**
 * `bundle:preview` and `bundle:save` (docs/architecture.md "Bundle"): the preview shows exactly what would
 * be written; saving asks the host for a path and never replaces a file silently — an existing file is
 * refused, and only `overwrite` right after that refusal (the user confirmed replacing that very file) replaces it.
 */
export function bundleHandlers(options: BundleHandlerOptions): Pick<DoctorHandlers, 'bundle:preview' | 'bundle:save'> {
  let refusedPath: string | null = null;
  const translators = new Map<Locale, Promise<Translator>>();
  /** summary.md's language when the window asks for one; absent = the run's own (the context's translator). */
  const translatorFor = async (locale: Locale | undefined): Promise<Translator | undefined> => {
    if (!locale) return undefined;
    let translator = translators.get(locale);
    if (!translator) translators.set(locale, (translator = createTranslator(locale)));
    return translator;
  };
  const input = async (locale: Locale | undefined): Promise<BundleInput> => {
    const found = options.session.bundleInput(options.logFile);
    if (!found)
      throw new HandlerError('NOT_FOUND', 'no step has finished yet: run a step before exporting a bundle', {
        reason: 'noFinishedStep',
      });
    const translator = await translatorFor(locale);
    return { ...found, ...(translator ? { translator } : {}), ...(options.limits ? { limits: options.limits } : {}) };
  };

  const preview = async ({ locale }: { locale?: Locale | undefined }): Promise<BundlePreview> => {
    const bundle = await input(locale);
    try {
      const contents = await previewBundle(bundle);
      const summary = contents.files.find((f) => f.name === 'summary.md');
      return {
        files: contents.manifest.files.map((f) => ({ name: f.name, bytes: f.bytes })),
        redactions: { ...contents.manifest.redactions },
        redactionsDuringRun: { ...contents.manifest.redactionsDuringRun },
        summaryMarkdown: summary ? summary.content.toString('utf8') : '',
        maxTotalBytes: contents.manifest.limits.maxTotalBytes,
      };
    } catch (error) {
      if (error instanceof BundleTooLargeError)
        throw new HandlerError('NOT_ALLOWED', error.message, {
          reason: 'bundleTooLarge',
          params: { maxBytes: error.maxTotalBytes },
        });
      throw error;
    }
  };

  const save = async ({
    overwrite,
    locale,
  }: {
    overwrite?: boolean | undefined;
    locale?: Locale | undefined;
  }): Promise<BundleSaveResult> => {
    const bundle = await input(locale);
    const replace = overwrite === true && refusedPath !== null;
    let target: string;
    if (replace && refusedPath) {
      target = refusedPath;
    } else {
      if (!options.platform.chooseBundlePath) return { saved: false, reason: 'no-save-dialog' };
      const chosen = await options.platform.chooseBundlePath(defaultBundleName(options.now()));
      if (!chosen) {
        refusedPath = null;
        return { saved: false, reason: 'cancelled' };
      }
      target = path.resolve(chosen);
    }
    refusedPath = null;
    const written = await writeBundle(bundle, target, { overwrite: replace });
    if (written.ok) return { saved: true, path: written.path, bytes: written.bytes };
    if (written.code === 'exists') {
      refusedPath = target;
      return { saved: false, path: target, exists: true, reason: 'exists' };
    }
    return { saved: false, path: target, reason: written.code };
  };

  return { 'bundle:preview': preview, 'bundle:save': save };
}
