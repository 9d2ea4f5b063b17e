import { msg, type Message } from '../../../../shared/i18n/message';
import type { HttpClient } from '../../net/http-client';

/** Why a JSON answer could not be used: the layer that failed, for a precise "say why". */
export type JsonFailureKind = 'unreachable' | 'status' | 'too-large' | 'not-json';

/** A JSON GET's outcome: the parsed value, or a classified failure. Never thrown. */
export type JsonOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly value: unknown;
      readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    }
  | {
      readonly ok: false;
      readonly kind: JsonFailureKind;
      /** In English, for details and evidence. */
      readonly reason: string;
      /** The same as a locale message, nested in summaries (docs/i18n.md). */
      readonly why: Message;
      readonly status?: number;
    };

/** Options of one JSON GET. */
export interface JsonRequest {
  readonly url: string;
  /** Bodies over this are refused as a whole (a 30 MB answer is never read past the cap). */
  readonly maxBytes: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** GETs a JSON document through the engine's HTTP client and classifies every way it can fail. */
export async function getJson(http: HttpClient, request: JsonRequest): Promise<JsonOutcome> {
  const outcome = await http.request({
    url: request.url,
    headers: { accept: 'application/json', ...request.headers },
    maxBytes: request.maxBytes,
    ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  if (!outcome.ok)
    return {
      ok: false,
      kind: 'unreachable',
      reason: `no answer (${outcome.kind}: ${outcome.message})`,
      why: msg('clients:jsonAnswer.noAnswer', { error: `${outcome.kind}: ${outcome.message}` }),
    };
  if (outcome.status < 200 || outcome.status > 299)
    return {
      ok: false,
      kind: 'status',
      status: outcome.status,
      reason: `it answered HTTP ${outcome.status}`,
      why: msg('clients:jsonAnswer.httpStatus', { status: outcome.status }),
    };
  if (outcome.truncated)
    return {
      ok: false,
      kind: 'too-large',
      status: outcome.status,
      reason: `its answer is larger than ${request.maxBytes} bytes`,
      why: msg('clients:jsonAnswer.tooLarge', { size: request.maxBytes }),
    };
  try {
    return { ok: true, status: outcome.status, value: JSON.parse(outcome.body) as unknown, headers: outcome.headers };
  } catch {
    return {
      ok: false,
      kind: 'not-json',
      status: outcome.status,
      reason: `its answer is not JSON (${describeBody(outcome.body)})`,
      why:
        outcome.body.length === 0
          ? msg('clients:jsonAnswer.notJsonEmpty')
          : msg('clients:jsonAnswer.notJson', { size: outcome.body.length, preview: previewOf(outcome.body) }),
    };
  }
}

function describeBody(body: string): string {
  if (body.length === 0) return 'empty body';
  // A short, printable preview helps tell an HTML error page from binary garbage, without dumping it.
  return `${body.length} bytes starting "${previewOf(body)}"`;
}

/** A short, printable preview: tells an HTML error page from binary garbage, without dumping it. */
function previewOf(body: string): string {
  return body.slice(0, 40).replace(/[^\x20-\x7e]/g, '?');
}
