import { z } from 'zod';
import type { HttpClient } from '../../net/http-client';
import { msg, type Message } from '../../../../shared/i18n/message';
import { getJson, type JsonFailureKind } from './updater-fetch';

/** The settings answer is a few KB; more is not Stremio's server. */
const MAX_SETTINGS_BYTES = 256 * 1024;

/** `GET /settings` (stremio-core `src/types/streaming_server/settings.rs`); unknown keys pass. */
const SettingsAnswer = z
  .object({
    baseUrl: z.string().optional(),
    values: z
      .object({
        serverVersion: z.string().optional(),
        appPath: z.string().optional(),
        cacheRoot: z.string().optional(),
        cacheSize: z.number().nullable().optional(),
      })
      .passthrough(),
  })
  .passthrough();

/** What the local streaming server said about itself, or why it did not. */
export type StreamingServerStatus =
  | {
      readonly ok: true;
      readonly url: string;
      readonly serverVersion: string | null;
      readonly appPath: string | null;
      readonly cacheRoot: string | null;
      readonly cacheSize: number | null;
      readonly baseUrl: string | null;
    }
  | {
      readonly ok: false;
      readonly url: string;
      readonly kind: JsonFailureKind | 'not-stremio';
      /** In English, for details and evidence. */
      readonly reason: string;
      /** The same as a locale message, nested in the summary (docs/i18n.md). */
      readonly why: Message;
    };

/** Asks the local streaming server for its settings (the call the Stremio client itself makes). */
export async function readStreamingServerSettings(
  http: HttpClient,
  endpoint: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<StreamingServerStatus> {
  const url = new URL('settings', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href;
  const got = await getJson(http, { url, maxBytes: MAX_SETTINGS_BYTES, timeoutMs, ...(signal ? { signal } : {}) });
  if (!got.ok) return { ok: false, url, kind: got.kind, reason: got.reason, why: got.why };
  const parsed = SettingsAnswer.safeParse(got.value);
  if (!parsed.success)
    return {
      ok: false,
      url,
      kind: 'not-stremio',
      reason: "something answers there, but not with Stremio's settings",
      why: msg('clients:streamingServer.notStremio'),
    };
  const values = parsed.data.values;
  return {
    ok: true,
    url,
    serverVersion: values.serverVersion ?? null,
    appPath: values.appPath ?? null,
    cacheRoot: values.cacheRoot ?? null,
    cacheSize: values.cacheSize ?? null,
    baseUrl: parsed.data.baseUrl ?? null,
  };
}
