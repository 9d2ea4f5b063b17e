/** Stremio credentials as the engine receives them (from the wizard's form or the CLI's environment). */
export type StremioCredentials =
  | { readonly kind: 'password'; readonly email: string; readonly password: string }
  | { readonly kind: 'auth-key'; readonly authKey: string };
