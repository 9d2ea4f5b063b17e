import type { StremioCredentials } from '../../engine/runtime/credentials';

/** Stremio credentials from the env (docs/architecture.md): STREMIO_AUTH_KEY, or STREMIO_EMAIL + STREMIO_PASSWORD. */
export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): StremioCredentials | undefined {
  const authKey = env.STREMIO_AUTH_KEY?.trim();
  if (authKey) return { kind: 'auth-key', authKey };
  const email = env.STREMIO_EMAIL?.trim();
  const password = env.STREMIO_PASSWORD;
  if (email && password) return { kind: 'password', email, password };
  return undefined;
}
