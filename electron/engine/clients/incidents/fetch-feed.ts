import { isMessage, msg, type Message } from '../../../../shared/i18n/message';
import type { HttpClient } from '../../net/http-client';
import { MAX_FEED_BYTES } from './feed-schema';

/**
 * A feed download: its text, or why there is none (`invalid`: an answer came, but it cannot be a feed). A
 * download the run stopped says why as the scheduler's own message (docs/i18n.md).
 */
export type FeedDownload =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly invalid: true; readonly reason: string; readonly why: Message }
  | { readonly ok: false; readonly invalid: false; readonly reason: string | Message; readonly why: Message };

/** GETs the feed document; a body over the size limit is never read past it. Never throws. */
export async function downloadFeed(
  http: HttpClient,
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<FeedDownload> {
  const outcome = await http.request({
    url,
    headers: { accept: 'application/json' },
    maxBytes: MAX_FEED_BYTES,
    timeoutMs,
    signal,
  });
  if (!outcome.ok) {
    if (outcome.kind !== 'aborted')
      return {
        ok: false,
        invalid: false,
        reason: `no answer (${outcome.kind})`,
        why: msg('clients:incidentFeed.noAnswer', { kind: outcome.kind }),
      };
    const stopped = stopReason(signal, timeoutMs);
    return { ok: false, invalid: false, reason: stopped, why: stopped };
  }
  if (outcome.status < 200 || outcome.status > 299)
    return {
      ok: false,
      invalid: false,
      reason: `it answered HTTP ${outcome.status}`,
      why: msg('clients:incidentFeed.httpStatus', { status: outcome.status }),
    };
  if (outcome.truncated)
    return {
      ok: false,
      invalid: true,
      reason: `it is larger than ${MAX_FEED_BYTES / 1024} KiB`,
      why: msg('clients:incidentFeed.tooLarge', { size: MAX_FEED_BYTES }),
    };
  return { ok: true, text: outcome.body };
}

/** Why the download was stopped: the scheduler's reason (the run finished first, its deadline), else the budget. */
function stopReason(signal: AbortSignal, timeoutMs: number): Message {
  const reason: unknown = signal.reason;
  const why = reason && typeof reason === 'object' && 'why' in reason ? reason.why : null;
  return isMessage(why) ? why : msg('clients:incidentFeed.budget', { ms: timeoutMs });
}
