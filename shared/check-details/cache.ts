import * as z from 'zod/mini';

/*
 * The details of the Cache step's checks that the wizard's panels read back: the engine's checks
 * produce them (typed by these schemas), the cache-backup panel parses them with the same schemas.
 */

/** The Cache step's check ids, in report order (the window names checks by these, never by literal). */
export const CACHE_CHECK_IDS = {
  locations: 'cache.locations',
  stremioRunning: 'cache.stremio-running',
  streamingServer: 'cache.streaming-server',
  cachedProfile: 'cache.cached-profile',
} as const;

/** How much of a folder was measured (the walk is bounded). */
const SizeSchema = {
  bytes: z.number(),
  files: z.number(),
  complete: z.boolean(),
  stoppedBy: z.optional(z.string()),
  unreadableFolders: z.optional(z.number()),
  linksNotFollowed: z.optional(z.number()),
};

/** One safe cache folder: what the move-to-backup fix would move; `shell` is the Stremio it belongs to. */
export const SafeCacheItemSchema = z.object({
  shell: z.enum(['stremio-4', 'stremio-5']),
  kind: z.string(),
  path: z.string(),
  bytes: z.number(),
});

/** The caches safe to clear, all together: what the cache-backup panel offers to move. */
export const SafeToClearSchema = z.object({
  folders: z.number(),
  bytes: z.number(),
  items: z.array(SafeCacheItemSchema),
});

/** `cache.locations`: Stremio's data folders with their sizes, and the caches safe to clear. */
export const LocationsDetailsSchema = z.object({
  folders: z.array(
    z.object({
      label: z.string(),
      path: z.string(),
      ...SizeSchema,
      items: z.array(z.object({ kind: z.string(), path: z.string(), safeToClear: z.boolean(), ...SizeSchema })),
    }),
  ),
  safeToClear: SafeToClearSchema,
  unreachable: z.optional(z.array(z.object({ label: z.string(), path: z.string(), reason: z.string() }))),
  sizesComplete: z.boolean(),
});
/** `cache.locations` details. */
export type LocationsDetails = z.infer<typeof LocationsDetailsSchema>;
