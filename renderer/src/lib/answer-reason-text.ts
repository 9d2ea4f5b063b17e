import type { Translate } from '../i18n/use-tr';
import type { LocalProfile } from '../../../shared/ipc';
import type {
  BundleNotSavedReason,
  ProfileUnreadableReason,
  SecretStorageReason,
} from '../../../shared/answer-reasons';

/*
 * The reasons successful IPC answers carry (shared/answer-reasons.ts) as clauses in the window's language, each
 * said inside its panel's sentence ("Not saved: …", "Remembering is not available here: …"): never English from main.
 */

const BUNDLE_KEYS = {
  'no-save-dialog': 'wizard:bundle.notSavedReason.noSaveDialog',
  cancelled: 'wizard:bundle.notSavedReason.cancelled',
  exists: 'wizard:bundle.notSavedReason.exists',
  'not-writable': 'wizard:bundle.notSavedReason.notWritable',
  'too-large': 'wizard:bundle.notSavedReason.tooLarge',
  io: 'wizard:bundle.notSavedReason.io',
} as const satisfies Record<BundleNotSavedReason, string>;

const STORAGE_KEYS = {
  'no-encryption': 'wizard:token.storageReason.noEncryption',
  'basic-text': 'wizard:token.storageReason.basicText',
  'unknown-backend': 'wizard:token.storageReason.unknownBackend',
} as const satisfies Record<SecretStorageReason, string>;

const PROFILE_KEYS = {
  webkitgtk: 'wizard:token.unreadableReason.webkitgtk',
  'bad-format': 'wizard:token.unreadableReason.badFormat',
  'no-profile': 'wizard:token.unreadableReason.noProfile',
  'no-stremio-data': 'wizard:token.unreadableReason.noStremioData',
  'unknown-format': 'wizard:token.unreadableReason.unknownFormat',
} as const satisfies Record<Exclude<ProfileUnreadableReason, 'too-large' | 'files-unreadable'>, string>;

/** Why the bundle was not saved, as a clause (`wizard:bundle.notSaved` wraps it). */
export function bundleNotSavedText(reason: BundleNotSavedReason | undefined, t: Translate): string {
  return reason ? t(BUNDLE_KEYS[reason]) : t('wizard:bundle.noReason');
}

/** Why the sign-in cannot be remembered, as a clause (`wizard:token.rememberUnavailable` wraps it). */
export function secretStorageText(
  storage: { readonly backend: string; readonly reason?: SecretStorageReason | undefined },
  t: Translate,
): string {
  return storage.reason ? t(STORAGE_KEYS[storage.reason]) : t('wizard:token.storeUnsafe', { backend: storage.backend });
}

/** Why a Stremio profile cannot be read, as a clause (`wizard:token.unreadable` wraps it), with its facts. */
export function profileUnreadableText(profile: Pick<LocalProfile, 'reason' | 'params'>, t: Translate): string {
  const { reason, params } = profile;
  if (!reason) return t('wizard:token.unknownFormat');
  if (reason === 'too-large')
    return params?.maxBytes !== undefined
      ? t('wizard:token.unreadableReason.tooLarge', { size: params.maxBytes })
      : t('wizard:token.unreadableReason.tooLargeNoSize');
  if (reason === 'files-unreadable')
    return params?.errno
      ? t('wizard:token.unreadableReason.filesUnreadable', { errno: params.errno })
      : t('wizard:token.unreadableReason.filesUnreadableNoErrno');
  return t(PROFILE_KEYS[reason]);
}
