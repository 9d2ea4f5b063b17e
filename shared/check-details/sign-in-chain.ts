import * as z from 'zod/mini';
import { isMessage, type Message } from '../i18n/message';
import type { ProblemCode } from '../problems';

/*
 * The details of the Token step's sign-in checks (`token.auth-redirect`, `token.pasted-url`): one hop of
 * Trakt's sign-in chain as a report carries it — the real host name (never a test port), the path, the
 * parameter *names* (values such as `state` or `code` are secret), and what the hop changed. The engine
 * writes them (typed by these schemas); the window's timeline and the CLI's text report read them back.
 */

/**
 * Every code a sign-in chain's reading may raise (the sign-in checks declare them; a renewed Trakt link
 * confirms them fixed: the sign-in got through).
 */
export const SIGN_IN_CODES: readonly ProblemCode[] = [
  'AUTH_URL_WRONG_HOST',
  'AUTH_REDIRECT_FAILED',
  'TRAKT_AUTH_PKCE_INJECTED',
  'TRAKT_AUTH_SERVER_ERROR',
  'TRAKT_AUTH_REJECTED',
  'CLOUDFLARE_BLOCKED',
];

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
  /** The same notes as messages, said in the reader's language (`change` stays English, for support; added field). */
  notes: z.optional(z.array(z.custom<Message>(isMessage))),
});
/** One hop of the sign-in chain. */
export type SignInHop = z.infer<typeof SignInHopSchema>;

/** The chain as reported: every hop, and one sentence saying how it ended (English; `endMessage` says it in any language). */
export const SignInChainSchema = z.object({
  hops: z.array(SignInHopSchema),
  end: z.string(),
  endMessage: z.optional(z.custom<Message>(isMessage)),
});
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
