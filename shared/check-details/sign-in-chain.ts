import * as z from 'zod/mini';

/*
 * The details of the Token step's sign-in checks (`token.auth-redirect`, `token.pasted-url`): one hop of
 * Trakt's sign-in chain as a report carries it — the real host name (never a test port), the path, the
 * parameter *names* (values such as `state` or `code` are secret), and what the hop changed. The engine
 * writes them (typed by these schemas); the window's timeline and the CLI's text report read them back.
 */

/** What a hop's answer is, read from its status, headers and the first bytes of its body. */
export const HOP_PAGES = [
  'sign-in',
  'consent',
  'cloudflare',
  'error',
  'redirect',
  'other',
  'not-requested',
  'no-answer',
] as const;
/** A hop's page kind. */
export type HopPage = (typeof HOP_PAGES)[number];

/** One hop. */
export const SignInHopSchema = z.object({
  host: z.string(),
  path: z.string(),
  /** The HTTP status, or null when the hop was not requested (unknown host, the redirect URI) or did not answer. */
  status: z.nullable(z.number()),
  parameters: z.array(z.string()),
  page: z.enum(HOP_PAGES),
  /** The headers that tell Trakt's origin (`x-runtime`) from Cloudflare (`server`, `cf-ray`). */
  server: z.nullable(z.string()),
  cfRay: z.nullable(z.string()),
  xRuntime: z.nullable(z.string()),
  ms: z.nullable(z.number()),
  /** What this hop changed, in plain words (e.g. "Trakt added a PKCE challenge"); empty when nothing notable. */
  change: z.string(),
});
/** One hop of the sign-in chain. */
export type SignInHop = z.infer<typeof SignInHopSchema>;

/** The chain as reported: every hop, and one sentence saying how it ended. */
export const SignInChainSchema = z.object({ hops: z.array(SignInHopSchema), end: z.string() });
/** The reported sign-in chain. */
export type SignInChain = z.infer<typeof SignInChainSchema>;

/** One corrected link followed before it could be offered. */
export const CandidateSchema = z.object({ url: z.string(), end: z.string(), works: z.boolean() });

/** The details of a sign-in check: the chain, and what the reading added. */
export const SignInDetailsSchema = z.object({
  chain: SignInChainSchema,
  clientId: z.optional(z.nullable(z.string())),
  redirectUri: z.optional(z.nullable(z.string())),
  /** The sign-in link carried its own PKCE challenge. */
  sentChallenge: z.optional(z.boolean()),
  notes: z.optional(z.array(z.string())),
  /** A ready-to-paste report when nothing on this computer fixes the sign-in. */
  reportText: z.optional(z.string()),
  verification: z.optional(
    z.object({
      correctedUrl: z.optional(z.string()),
      tried: z.array(CandidateSchema),
      notTried: z.optional(z.string()),
    }),
  ),
  error: z.optional(z.nullable(z.string())),
  errorDescription: z.optional(z.nullable(z.string())),
  failedLayer: z.optional(z.string()),
});

/** The sign-in chain in a check's details, or null when it has none (or they are off their schema). */
export function signInChainOf(details: unknown): SignInChain | null {
  const parsed = SignInDetailsSchema.safeParse(details);
  return parsed.success ? parsed.data.chain : null;
}

/** One line per hop, for text (the CLI's report and the report text for Stremio). */
export function hopLine(hop: SignInHop, index: number): string {
  const status = hop.status === null ? (hop.page === 'no-answer' ? 'no answer' : 'not requested') : `${hop.status}`;
  const timing = hop.ms === null ? '' : ` (${hop.ms} ms)`;
  const change = hop.change ? ` — ${hop.change}` : '';
  return `${index + 1}. ${hop.host}${hop.path} → ${status}${timing}${change}`;
}
