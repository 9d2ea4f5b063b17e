import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { previewBundle } from '../../electron/engine/bundle';
import { contextFor } from '../kit/engine';
import { startWorld, TRAKT_ORIGIN_HEADERS, type World } from '../kit/world';

/**
 * Issue 20 N10: the network trace kept `Location` values, so a `code=`/`state=` nested inside another
 * parameter (percent-encoded once or twice, never matched by the `state=` pattern nor registered)
 * survived into `network-trace.json`. The trace keeps host, path and parameter names only.
 */
const NESTED_STATE = 'NESTED-state-5a4b3c2d1e';
const NESTED_CODE = 'NESTED-code-9f8e7d6c5b';
const inner = `/oauth/authorize?response_type=code&state=${NESTED_STATE}&code=${NESTED_CODE}`;
const once = encodeURIComponent(inner);
const twice = encodeURIComponent(once);

/** Every percent-escape decoded, twice over: a value encoded twice is found as well. */
function decodedTwice(text: string): string {
  const decode = (t: string) =>
    t.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decode(decode(text));
}

describe('the network trace keeps no Location value (issue 20 N10)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    world.traktWeb.route('GET', '/oauth/authorize', {
      status: 302,
      headers: {
        ...TRAKT_ORIGIN_HEADERS,
        location: `https://trakt.tv/auth/signin?redirect_to=${once}&again=${twice}#${once}`,
      },
      body: '',
    });
  });
  afterAll(() => world.close());

  it('a nested code and state, encoded once or twice, reach neither the trace nor the bundle', async () => {
    const ctx = await contextFor(world);
    const report = await diagnose(
      ctx,
      { steps: ['token'], authUrl: 'https://trakt.tv/oauth/authorize?response_type=code&client_id=abc' },
      {},
      TOKEN_CHECKS,
    );
    const trace = ctx.trace.list();
    const { files } = await previewBundle({ report, ctx });
    for (const [where, text] of [
      ['the trace', JSON.stringify(trace)],
      ['network-trace.json', files.find((f) => f.name === 'network-trace.json')!.content.toString('utf8')],
    ] as const) {
      for (const value of [NESTED_STATE, NESTED_CODE])
        expect(decodedTwice(text), `${value} in ${where}`).not.toContain(value);
    }
    const redirect = trace.find((e) => e.status === 302);
    // The redirect was recorded, with where it pointed and what it carried by name.
    expect(redirect?.headers.location).toBe('https://trakt.tv/auth/signin?redirect_to&again');
  });
});
