import { msg, type Message } from '../../../../shared/i18n/message';
import type { NetFailureKind } from '../../net/http-client';
import { callStremioApi, type StremioApiContext } from './api-client';

/**
 * Whether `POST {stremioApi}/api/events` — the path Stremio's apps send playback events on, and so
 * scrobbles (stremio-core `src/analytics.rs` → `APIRequest::Events {auth_key, events}`) — is reachable
 * from here. The probe cannot record anything on the account: it carries no auth key (stremio-core's
 * `Events` request always has one, so the server cannot tie it to an account) and no events. It proves
 * reachability of the path only, not that Stremio's server accepts the user's events.
 */

/** What the probe saw. */
export type EventsPathObservation =
  /** Stremio's API answered on the path with its own envelope (`{error}` or `{result}`): not blocked. */
  | { readonly kind: 'api-answered'; readonly status: number }
  /** No answer: the connection failed at this layer (a blocker resets or drops it). */
  | { readonly kind: 'no-answer'; readonly layer: NetFailureKind; readonly message: string }
  /** Something answered that is not Stremio's API envelope (a blocker's page, an empty 200, a 403). */
  | {
      readonly kind: 'foreign-answer';
      readonly status: number;
      /** In English, for the evidence. */
      readonly reason: string;
      /** The same as a locale message, nested in the summary (docs/i18n.md). */
      readonly why: Message;
    }
  /** A server error page: an outage, not a block. */
  | { readonly kind: 'outage'; readonly status: number };

/** Sends the empty, unauthenticated events request and reads who answered. */
export async function probeEventsPath(ctx: StremioApiContext, signal?: AbortSignal): Promise<EventsPathObservation> {
  const answer = await callStremioApi(
    ctx,
    'events',
    { type: 'Events', events: [] },
    {
      signal,
      maxBytes: 64 * 1024,
    },
  );
  if (answer.ok || answer.kind === 'rejected')
    return { kind: 'api-answered', status: answer.outcome.ok ? answer.outcome.status : 0 };
  const { outcome } = answer;
  if (!outcome.ok) return { kind: 'no-answer', layer: outcome.kind, message: outcome.message };
  if (answer.kind === 'http-status' && answer.status >= 500) return { kind: 'outage', status: answer.status };
  if (answer.kind === 'malformed')
    return { kind: 'foreign-answer', status: outcome.status, reason: answer.reason, why: answer.why };
  return {
    kind: 'foreign-answer',
    status: outcome.status,
    reason: `HTTP ${outcome.status} without Stremio's JSON`,
    why: msg('clients:eventsPath.notStremioJson', { status: outcome.status }),
  };
}
