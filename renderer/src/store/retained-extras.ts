import type { RunRequest } from '../../../shared/ipc';

/** The optional fields of a run request a panel may add (the token panel: sign-in, pasted URL). */
export type RunExtras = Pick<RunRequest, 'authUrl' | 'credentials' | 'rememberAuthKey'>;

/** A sign-in from the Token panel: the credentials, and whether to remember the auth key. */
export type SignInExtras = Required<Pick<RunRequest, 'credentials'>> & Pick<RunRequest, 'rememberAuthKey'>;

/** Keeps only the extras that are safe to hold in memory for a re-run: never a password or a pasted auth key. */
export function retainable(extras: RunExtras): RunExtras {
  const kept: { -readonly [K in keyof RunExtras]: RunExtras[K] } = {};
  if (extras.authUrl) kept.authUrl = extras.authUrl;
  if (extras.credentials && (extras.credentials.kind === 'remembered' || extras.credentials.kind === 'local-profile'))
    kept.credentials = extras.credentials;
  return kept;
}

/**
 * What a step's re-run reuses after a sign-in covered it: its pasted address, and the sign-in as something
 * that holds no secret (a remembered key rather than the password; a password or a pasted key is never held).
 */
export function extrasAfterSignIn(previous: RunExtras | undefined, signIn: SignInExtras): RunExtras {
  const { credentials } = retainable({
    credentials: signIn.rememberAuthKey ? { kind: 'remembered' } : signIn.credentials,
  });
  const authUrl = previous?.authUrl;
  return { ...(authUrl ? { authUrl } : {}), ...(credentials ? { credentials } : {}) };
}
