import * as z from 'zod/mini';

/*
 * The details of the Token step's checks that the wizard's panels read back: the engine produces them,
 * the OAuth sign-in test card parses them with the same schema.
 */

export { TOKEN_CHECK_IDS } from './check-ids';

/** What the OAuth test asks the user when Trakt never redirected back: the page the browser showed. */
export const ASK_WHAT_THE_BROWSER_SHOWED = 'what-did-the-browser-show';

/** `token.oauth-differential` details when no callback arrived, so the card asks what the browser showed. */
export const OAuthNoCallbackDetailsSchema = z.object({
  noCallback: z.literal(true),
  askUser: z.literal(ASK_WHAT_THE_BROWSER_SHOWED),
  timeoutMs: z.number(),
});
/** `token.oauth-differential` details when no callback arrived. */
export type OAuthNoCallbackDetails = z.infer<typeof OAuthNoCallbackDetailsSchema>;
