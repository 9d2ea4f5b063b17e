import { createHash } from 'node:crypto';
import { z } from 'zod';
import { openOutsideFile } from '../../core/outside-file';
import type { HttpClient } from '../../net/http-client';
import { msg, type Message } from '../../../../shared/i18n/message';
import { getJson, type JsonFailureKind } from './updater-fetch';
import { parseVersion } from './updater-version';

/** Updater answers are a few hundred bytes; anything over this is not the updater. */
export const UPDATER_MAX_BYTES = 64 * 1024;
/** `server.js` is a few MB; a bigger file is not hashed (bounded work). */
const MAX_SERVER_JS_BYTES = 64 * 1024 * 1024;

/** stremio-shell-ng `updater.rs` l.20-70: `{version, versionDesc}`. */
const ShellNgAnswer = z.object({
  version: z.string().refine((v) => parseVersion(v) !== null, 'not a version'),
  versionDesc: z.string().optional(),
});
/** stremio-shell `autoupdater.cpp` l.107-166: `{upToDate, versionDesc, signature}`. */
const ShellV4Answer = z.object({
  upToDate: z.boolean(),
  versionDesc: z.string().optional(),
  signature: z.string().optional(),
});

/** What the updater said, or why it could not be read. */
export type UpdaterAnswer =
  | {
      readonly ok: true;
      readonly channel: 'shell-ng';
      readonly url: string;
      readonly latest: string;
      readonly versionDesc: string | null;
    }
  | {
      readonly ok: true;
      readonly channel: 'shell-v4';
      readonly url: string;
      readonly upToDate: boolean;
      readonly versionDesc: string | null;
    }
  | {
      readonly ok: false;
      readonly url: string;
      readonly kind: JsonFailureKind | 'bad-shape';
      /** In English, for details and evidence. */
      readonly reason: string;
      /** The same as a locale message, nested in the summary (docs/i18n.md). */
      readonly why: Message;
    };

/** Asks the updater what the newest Stremio 5 Windows shell is (`?product=stremio-shell-ng`, shell-ng `updater.rs`). */
export async function askShellNgUpdater(
  http: HttpClient,
  endpoint: string,
  signal?: AbortSignal,
): Promise<UpdaterAnswer> {
  const url = new URL(endpoint);
  url.searchParams.set('product', 'stremio-shell-ng');
  const got = await getJson(http, { url: url.href, maxBytes: UPDATER_MAX_BYTES, ...(signal ? { signal } : {}) });
  if (!got.ok) return { ok: false, url: url.href, kind: got.kind, reason: got.reason, why: got.why };
  const parsed = ShellNgAnswer.safeParse(got.value);
  if (!parsed.success)
    return {
      ok: false,
      url: url.href,
      kind: 'bad-shape',
      reason: 'its answer has no usable "version"',
      why: msg('clients:jsonAnswer.noVersion'),
    };
  return {
    ok: true,
    channel: 'shell-ng',
    url: url.href,
    latest: parsed.data.version,
    versionDesc: parsed.data.versionDesc ?? null,
  };
}

/**
 * Asks the updater whether a Stremio 4 shell is current, the way the shell itself does
 * (`?shellVersion=<ver>`, plus `serverSum` = sha256 of its `server.js` when we can read it; shell `autoupdater.js`).
 */
export async function askShellV4Updater(
  http: HttpClient,
  endpoint: string,
  shellVersion: string,
  serverJs: string | undefined,
  signal?: AbortSignal,
): Promise<UpdaterAnswer> {
  const url = new URL(endpoint);
  const sum = serverJs ? await sha256File(serverJs, signal) : null;
  if (sum) url.searchParams.set('serverSum', sum);
  url.searchParams.set('shellVersion', shellVersion);
  const got = await getJson(http, { url: url.href, maxBytes: UPDATER_MAX_BYTES, ...(signal ? { signal } : {}) });
  if (!got.ok) return { ok: false, url: url.href, kind: got.kind, reason: got.reason, why: got.why };
  const parsed = ShellV4Answer.safeParse(got.value);
  if (!parsed.success)
    return {
      ok: false,
      url: url.href,
      kind: 'bad-shape',
      reason: 'its answer has no "upToDate" flag',
      why: msg('clients:jsonAnswer.noUpToDate'),
    };
  return {
    ok: true,
    channel: 'shell-v4',
    url: url.href,
    upToDate: parsed.data.upToDate,
    versionDesc: parsed.data.versionDesc ?? null,
  };
}

/** The hex sha256 of a file of bounded size, streamed (an outside file: regular, not a link); null when unreadable or too large. */
export async function sha256File(file: string, signal?: AbortSignal): Promise<string | null> {
  let handle;
  try {
    handle = await openOutsideFile(file);
  } catch {
    return null;
  }
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let size = 0; ;) {
      if (signal?.aborted) return null;
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return hash.digest('hex');
      size += bytesRead;
      if (size > MAX_SERVER_JS_BYTES) return null;
      hash.update(chunk.subarray(0, bytesRead));
    }
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
