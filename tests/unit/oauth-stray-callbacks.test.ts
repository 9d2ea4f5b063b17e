import { describe, expect, it } from 'vitest';
import { stateMismatchObservation } from '../../electron/engine/checks/token/differential/state-mismatch';

const page = {
  state: 'wrong',
  pageRequest: true,
  origin: 'https://evil.example',
  fetchSite: 'cross-site',
  fetchMode: 'no-cors',
  fetchDest: 'image',
} as const;
const navigation = {
  state: 'missing',
  pageRequest: false,
  origin: null,
  fetchSite: null,
  fetchMode: null,
  fetchDest: null,
} as const;

describe('a state mismatch on the loopback callback is possible interference, never a critical certainty', () => {
  it('requests a web page made (script, image) are an info line naming the page', () => {
    const obs = stateMismatchObservation(2, [page, page]);
    expect(obs).toMatchObject({ code: 'OAUTH_STATE_MISMATCH', severity: 'info' });
    expect(obs.confidence).toBeLessThanOrEqual(0.3);
    expect(obs.evidence).toContain('possible interference');
    expect(obs.evidence).toContain('2 request(s)');
    expect(obs.evidence).toContain('a web page (https://evil.example)');
  });

  it('a browser navigation with a wrong or missing state is a warning, with what was seen', () => {
    const obs = stateMismatchObservation(3, [navigation, page]);
    expect(obs).toMatchObject({ code: 'OAUTH_STATE_MISMATCH', severity: 'warning' });
    expect(obs.confidence).toBeLessThanOrEqual(0.5);
    expect(obs.evidence).toContain('3 request(s)');
    expect(obs.evidence).toContain('missing state');
  });
});
