/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignInChain } from '../../shared/check-details/sign-in-chain';
import { checkResult, report } from './fake-doctor';
import { renderWizard } from './render-wizard';

afterEach(cleanup);

const ORIGIN = { server: 'cloudflare', cfRay: '8f3a-AMS', xRuntime: '0.01' };
const MIGRATED: SignInChain = {
  hops: [
    {
      host: 'www.strem.io',
      path: '/trakt/auth/<id>',
      status: 302,
      parameters: [],
      page: 'redirect',
      server: null,
      cfRay: null,
      xRuntime: null,
      ms: 40,
      change: '',
    },
    {
      host: 'api.trakt.tv',
      path: '/oauth/authorize',
      status: 301,
      parameters: ['client_id'],
      page: 'redirect',
      ...ORIGIN,
      ms: 35,
      change: 'moved from www.strem.io to api.trakt.tv',
    },
    {
      host: 'trakt.tv',
      path: '/api/auth/oauth2/authorize',
      status: 200,
      parameters: ['client_id', 'code_challenge'],
      page: 'sign-in',
      ...ORIGIN,
      ms: 50,
      change: "Trakt added a PKCE challenge the sign-in link did not carry; Trakt's sign-in page",
    },
  ],
  end: "Trakt's sign-in page at trakt.tv/api/auth/oauth2/authorize",
};

describe('the Token step shows the sign-in chain hop by hop', () => {
  it('fills the timeline as the chain check finishes: host, status, what changed', async () => {
    const { fake } = renderWizard({ page: 'token' });
    const run = await fake.nextRun();
    expect(screen.queryByTestId('sign-in-chains')).toBeNull();
    act(() =>
      run.finished(
        checkResult('token.auth-redirect', {
          verdict: 'fail',
          problems: ['TRAKT_AUTH_PKCE_INJECTED'],
          details: { chain: MIGRATED, reportText: "Trakt adds a PKCE code_challenge to Stremio's authorize link" },
        }),
      ),
    );
    const panel = await screen.findByTestId('sign-in-chains');
    // Hosts, statuses and timings are technical: the chain waits under "Technical details".
    expect(panel.closest('[data-technical]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    expect(within(panel).getByTestId('sign-in-report-text').textContent).toContain('code_challenge');
    const hops = within(panel).getAllByRole('listitem');
    expect(hops.map((h) => h.dataset.tone)).toEqual(['pass', 'pass', 'warn']);
    expect(hops[0]!.textContent).toContain('302 www.strem.io/trakt/auth/<id>');
    expect(hops[2]!.textContent).toContain('Trakt added a PKCE challenge');
    expect(within(panel).getByTestId('sign-in-chain-end').textContent).toBe(
      "Ends: Trakt's sign-in page at trakt.tv/api/auth/oauth2/authorize",
    );
    act(() => run.finish(report(['token'], [checkResult('token.auth-redirect', { details: { chain: MIGRATED } })])));
    expect(screen.getByTestId('sign-in-chains')).toBeInstanceOf(HTMLElement);
  });

  it('shows nothing for malformed details and marks a failing hop', async () => {
    const { fake } = renderWizard({ page: 'token' });
    const run = await fake.nextRun();
    act(() => run.finished(checkResult('token.auth-redirect', { details: { chain: { hops: 'no' } } })));
    expect(screen.queryByTestId('sign-in-chains')).toBeNull();
    act(() =>
      run.finished(
        checkResult('token.pasted-url', {
          details: {
            chain: {
              hops: [{ ...MIGRATED.hops[1]!, path: '/auth/signin', status: 400, page: 'error', change: '' }],
              end: 'HTTP 400 at api.trakt.tv/auth/signin',
            },
          },
        }),
      ),
    );
    const section = (await screen.findByTestId('sign-in-chains')).querySelector('[data-chain="token.pasted-url"]')!;
    expect(section.querySelector('[data-tone="fail"]')?.textContent).toContain('400 api.trakt.tv/auth/signin');
  });
});
