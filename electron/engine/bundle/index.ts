// The diagnostic bundle (docs/architecture.md "Bundle"): what the window's Export button, its preview and the CLI's
// `--bundle` all use, so every export surface shares one redaction path.
import { buildBundleContents, type BundleContents, type BundleInput } from './build-bundle';

export {
  BundleTooLargeError,
  DEFAULT_BUNDLE_LIMITS,
  type BundleContents,
  type BundleInput,
  type BundleLimits,
  type BundleManifest,
} from './build-bundle';
export { writeBundle, type BundleWriteResult } from './write-bundle';
export { redactForExport } from './redact-export';

/** The bundle exactly as it would be written, for the preview shown before saving (nothing is written); throws BundleTooLargeError only under tiny limits. */
export function previewBundle(input: BundleInput): Promise<BundleContents> {
  return buildBundleContents(input);
}
