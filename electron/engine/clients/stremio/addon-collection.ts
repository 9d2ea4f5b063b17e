import { z } from 'zod';
import { msg } from '../../../../shared/i18n/message';
import { callStremioApi, type StremioApiContext, type StremioApiResult } from './api-client';

/**
 * `addonCollectionGet` (stremio-core `src/types/api/request.rs`: `{type:"AddonCollectionGet", authKey,
 * update:true}` → `{addons:[Descriptor…], lastModified}`; a Descriptor is `{manifest:{id,name,…},
 * transportUrl, flags}`). Read-only. Every transport URL is registered as personal before it is kept.
 */

/** One installed add-on, as far as the Scrobbling step needs it. */
export interface InstalledAddon {
  readonly id: string;
  readonly name: string;
  /** Personal (it may carry the user's tokens): registered with the secret registry, shown only in the window. */
  readonly transportUrl: string;
  readonly official: boolean;
  /** Stremio's own Trakt integration (`www.strem.io/trakt/addon/<user _id>/manifest.json`, update_trakt_addon.rs). */
  readonly stremioTrakt: boolean;
  /** The account id in that address (`<user _id>`), null for any other add-on. */
  readonly stremioTraktAccount: string | null;
  /** Another add-on whose address or manifest names Trakt: it holds a Trakt connection of its own. */
  readonly otherTrakt: boolean;
  /** Cinemeta, Stremio's IMDb-based catalog (`com.linvo.cinemeta`). */
  readonly cinemeta: boolean;
}

const DescriptorSchema = z
  .object({
    manifest: z.object({ id: z.string().max(512), name: z.string().max(512).optional() }).passthrough(),
    transportUrl: z.string().max(4096),
    flags: z.object({ official: z.boolean().optional() }).passthrough().optional(),
  })
  .passthrough();
const CollectionSchema = z.object({ addons: z.array(z.unknown()).max(2000) }).passthrough();

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const CINEMETA_ID = 'com.linvo.cinemeta';

/**
 * The account id of a Stremio Trakt add-on address (stremio-core `src/models/ctx/update_trakt_addon.rs`
 * `build_track_addon_url`: `https://www.strem.io/trakt/addon/<uid, percent-encoded>/manifest.json`); null otherwise.
 */
export function stremioTraktAccountOf(transportUrl: string): string | null {
  try {
    const url = new URL(transportUrl);
    const id = /^\/trakt\/addon\/([^/]+)\/manifest\.json$/.exec(url.pathname)?.[1];
    return /(^|\.)strem\.io$/.test(url.hostname) && id ? decodeURIComponent(id) : null;
  } catch {
    return null;
  }
}

/** Reads the add-ons installed on the account; unreadable descriptors are counted, not fatal. */
export async function fetchAddonCollection(
  ctx: StremioApiContext,
  authKey: string,
  signal?: AbortSignal,
): Promise<StremioApiResult<{ readonly addons: readonly InstalledAddon[]; readonly unreadable: number }>> {
  ctx.secrets.add(authKey, 'auth-key');
  const answer = await callStremioApi(
    ctx,
    'addonCollectionGet',
    { type: 'AddonCollectionGet', authKey, update: true },
    { signal, maxBytes: MAX_BODY_BYTES },
  );
  if (!answer.ok) return answer;
  const collection = CollectionSchema.safeParse(answer.value);
  if (!collection.success)
    return {
      ok: false,
      kind: 'malformed',
      reason: 'the answer has no list of add-ons',
      why: msg('clients:stremioAnswer.noAddons'),
      outcome: answer.outcome,
    };
  const addons: InstalledAddon[] = [];
  let unreadable = 0;
  for (const raw of collection.data.addons) {
    const parsed = DescriptorSchema.safeParse(raw);
    if (!parsed.success) {
      unreadable += 1;
      continue;
    }
    const { manifest, transportUrl, flags } = parsed.data;
    ctx.secrets.add(transportUrl, 'addon-url');
    const stremioTraktAccount = stremioTraktAccountOf(transportUrl);
    const stremioTrakt = stremioTraktAccount !== null;
    const namesTrakt = /trakt/i.test(`${transportUrl} ${manifest.id} ${manifest.name ?? ''}`);
    addons.push({
      id: manifest.id,
      name: manifest.name ?? manifest.id,
      transportUrl,
      official: flags?.official ?? false,
      stremioTrakt,
      stremioTraktAccount,
      otherTrakt: namesTrakt && !stremioTrakt,
      cinemeta: manifest.id === CINEMETA_ID,
    });
  }
  return { ok: true, value: { addons, unreadable }, outcome: answer.outcome };
}
