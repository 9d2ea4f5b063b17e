import path from 'node:path';
import type { BundleWriteResult } from '../../engine/bundle';
import type { Translator } from '../../../shared/i18n/translator';

/**
 * Why `--bundle` wrote nothing, in the CLI's language: one sentence per error code (the engine's own message
 * is English technical text); the system's error code (`EACCES`) is kept as it is, for support.
 */
export function bundleFailureText(
  failure: Extract<BundleWriteResult, { ok: false }>,
  destination: string,
  tr: Translator,
): string {
  const target = path.resolve(destination);
  const systemCode = /\(([A-Z][A-Z0-9_]*)\)/.exec(failure.message)?.[1] ?? 'error';
  switch (failure.code) {
    case 'exists':
      return tr.t('cli:bundle.exists', { path: target });
    case 'not-writable':
      return tr.t('cli:bundle.notWritable', { path: target, code: systemCode });
    case 'too-large':
      return tr.t('cli:bundle.tooLarge');
    case 'io':
      return tr.t('cli:bundle.io', { path: target, code: systemCode });
  }
}
