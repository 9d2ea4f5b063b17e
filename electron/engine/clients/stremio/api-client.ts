import { z } from 'zod';
import { msg, type Message } from '../../../../shared/i18n/message';
import type { EngineContext } from '../../runtime/context';
import type { HttpOutcome } from '../../net/http-client';
import { parseJson } from '../../core/parse-json';
import { readStremioUser, type StremioUser } from './account';

/**
 * The Stremio account API (`POST {stremioApi}/api/<method>`, a JSON body tagged by `type`; answers
 * `{result}` or `{error:{message,code}}` — stremio-core `src/types/api/{request,response}.rs`,
 * stremio-core `request.rs`). `login` and `getUser` here; the Scrobbling step's reads (`addonCollectionGet`,
 * `datastoreGet`) build on `callStremioApi`. All read-only. Every secret is registered before use.
 */

/** A signed-in account: the auth key (a secret) and the user. */
export interface StremioSession {
  readonly authKey: string;
  readonly user: StremioUser;
}

/** How an API call ended. `rejected` is Stremio's own error answer; the others say what went wrong on the way. */
export type StremioApiResult<T> =
  | { readonly ok: true; readonly value: T; readonly outcome: HttpOutcome }
  | {
      readonly ok: false;
      readonly kind: 'rejected';
      readonly message: string;
      readonly code: number | null;
      readonly outcome: HttpOutcome;
    }
  | { readonly ok: false; readonly kind: 'http-status'; readonly status: number; readonly outcome: HttpOutcome }
  | {
      readonly ok: false;
      readonly kind: 'malformed';
      /** What the answer lacked, in English (details, evidence). */
      readonly reason: string;
      /** The same as a locale message, nested in summaries (docs/i18n.md). */
      readonly why: Message;
      readonly outcome: HttpOutcome;
    }
  | { readonly ok: false; readonly kind: 'unreachable'; readonly outcome: HttpOutcome };

/** The context pieces the client uses. */
export type StremioApiContext = Pick<EngineContext, 'config' | 'http' | 'secrets'>;

const MAX_BODY_BYTES = 512 * 1024;
const MAX_MESSAGE_CHARS = 200;

const ErrorEnvelopeSchema = z.object({ error: z.object({ message: z.string(), code: z.number().optional() }) });
const ResultEnvelopeSchema = z.object({ result: z.unknown() });

const LoginResultSchema = z.object({ authKey: z.string().min(1).max(512), user: z.unknown() }).passthrough();

/** `login` with e-mail and password (the body stremio-core sends: `{type:'Login', email, password, facebook:false}`). */
export async function stremioLogin(
  ctx: StremioApiContext,
  email: string,
  password: string,
  signal?: AbortSignal,
): Promise<StremioApiResult<StremioSession>> {
  ctx.secrets.add(password, 'password');
  ctx.secrets.add(email, 'email');
  const answer = await callStremioApi(ctx, 'login', { type: 'Login', email, password, facebook: false }, { signal });
  if (!answer.ok) return answer;
  const login = LoginResultSchema.safeParse(answer.value);
  if (!login.success)
    return {
      ok: false,
      kind: 'malformed',
      reason: 'the login answer has no auth key',
      why: msg('clients:stremioAnswer.noAuthKey'),
      outcome: answer.outcome,
    };
  const authKey = ctx.secrets.add(login.data.authKey, 'auth-key');
  const user = readUser(ctx, login.data.user);
  if (!user)
    return {
      ok: false,
      kind: 'malformed',
      reason: 'the login answer has no readable user',
      why: msg('clients:stremioAnswer.noUser'),
      outcome: answer.outcome,
    };
  return { ok: true, value: { authKey, user }, outcome: answer.outcome };
}

/** `getUser` with an auth key (`{type:'GetUser', authKey}`). */
export async function stremioGetUser(
  ctx: StremioApiContext,
  authKey: string,
  signal?: AbortSignal,
): Promise<StremioApiResult<StremioSession>> {
  ctx.secrets.add(authKey, 'auth-key');
  const answer = await callStremioApi(ctx, 'getUser', { type: 'GetUser', authKey }, { signal });
  if (!answer.ok) return answer;
  const user = readUser(ctx, answer.value);
  if (!user)
    return {
      ok: false,
      kind: 'malformed',
      reason: 'the getUser answer is not a user',
      why: msg('clients:stremioAnswer.notAUser'),
      outcome: answer.outcome,
    };
  return { ok: true, value: { authKey, user }, outcome: answer.outcome };
}

function readUser(ctx: StremioApiContext, value: unknown): StremioUser | null {
  const user = readStremioUser(value);
  if (user) {
    // The id names the account: Stremio's sign-in link `www.strem.io/trakt/auth/<id>` carries it.
    ctx.secrets.add(user.id, 'account-id');
    ctx.secrets.add(user.trakt?.accessToken, 'token');
    ctx.secrets.add(user.email, 'email');
  }
  return user;
}

/** Options of one API call: cancellation, and the bounds of a large read (the library). */
export interface StremioCallOptions {
  readonly signal?: AbortSignal | undefined;
  /** Largest answer read (default 512 KiB). */
  readonly maxBytes?: number;
  /** Whole-request timeout (default: the probe timeout). */
  readonly timeoutMs?: number;
}

/** Calls `POST {stremioApi}/api/<method>` and reads the `{result}` / `{error}` envelope; never throws. */
export async function callStremioApi(
  ctx: StremioApiContext,
  method: string,
  body: object,
  options: StremioCallOptions = {},
): Promise<StremioApiResult<unknown>> {
  const { signal, maxBytes = MAX_BODY_BYTES, timeoutMs } = options;
  const url = new URL(`/api/${method}`, ctx.config.endpoints.stremioApi).toString();
  const outcome = await ctx.http.request({
    url,
    method: 'POST',
    json: body,
    maxBytes,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!outcome.ok) return { ok: false, kind: 'unreachable', outcome };
  if (outcome.truncated)
    return {
      ok: false,
      kind: 'malformed',
      reason: `the answer is larger than ${Math.round(maxBytes / 1024)} KiB`,
      why: msg('clients:stremioAnswer.tooLarge', { size: maxBytes }),
      outcome,
    };
  const json = parseJson(outcome.body);
  if (json === undefined) {
    // A non-JSON answer with an error status is an outage page, not a malformed API answer.
    if (outcome.status >= 400) return { ok: false, kind: 'http-status', status: outcome.status, outcome };
    return {
      ok: false,
      kind: 'malformed',
      reason: `the answer (HTTP ${outcome.status}) is not JSON`,
      why: msg('clients:stremioAnswer.notJson', { status: outcome.status }),
      outcome,
    };
  }
  const error = ErrorEnvelopeSchema.safeParse(json);
  if (error.success) {
    const message = ctx.secrets.redact(error.data.error.message.slice(0, MAX_MESSAGE_CHARS));
    return { ok: false, kind: 'rejected', message, code: error.data.error.code ?? null, outcome };
  }
  if (outcome.status >= 400) return { ok: false, kind: 'http-status', status: outcome.status, outcome };
  const result = ResultEnvelopeSchema.safeParse(json);
  if (!result.success || result.data.result === undefined) {
    return {
      ok: false,
      kind: 'malformed',
      reason: `the answer (HTTP ${outcome.status}) has neither "result" nor "error"`,
      why: msg('clients:stremioAnswer.noEnvelope', { status: outcome.status }),
      outcome,
    };
  }
  return { ok: true, value: result.data.result, outcome };
}
