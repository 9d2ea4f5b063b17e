import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { diagnose } from '../kit/diagnose';
import { contextFor } from '../kit/engine';
import { recordedService } from '../kit/doctor-service';
import { readZip } from '../kit/read-zip';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

/**
 * Issue 20 N3: Stremio's start link `/trakt/auth/<id>` was matched case-sensitively and without trailing
 * segments, so `/Trakt/auth/<id>` put the account id in the report, IPC, summary.md, app.log and the
 * bundle, and a percent-encoded id reached `network-trace.json`. Whatever form the pasted path takes, the
 * id never comes out — not even percent-encoded.
 */
const ACCOUNT_ID = '64a0b1c2d3e4f5a6b7c8d9ef';
const encodedAll = [...ACCOUNT_ID].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
const PASTED: readonly (readonly [string, string])[] = [
  ['another case', `https://www.strem.io/Trakt/AUTH/${ACCOUNT_ID}`],
  ['a trailing segment', `https://www.strem.io/trakt/auth/${ACCOUNT_ID}/extra`],
  ['a percent-encoded id', `https://www.strem.io/trakt/auth/${encodedAll}`],
  ['an encoded id, another case and a trailing slash', `www.strem.io/TRAKT/auth/${encodedAll.toLowerCase()}/`],
];

/** The text with every percent-escape decoded, so an encoded id is found as well as a plain one. */
function decoded(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function expectNoId(where: string, text: string): void {
  expect(decoded(text).toLowerCase().includes(ACCOUNT_ID), `the account id reached ${where}`).toBe(false);
}

describe('a pasted start link names the account in any form: the id never comes out (issue 20 N3)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());

  // Two forms through the CLI (a process each); all four through the window's service below.
  it.each([PASTED[0]!, PASTED[3]!])('CLI with %s: --json, stderr, and every bundle file', async (_name, pasted) => {
    const cfg = await world.writeConfig();
    const bundle = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-n3-')), 'bundle.zip');
    const run = await runCli([
      'diagnose',
      '--json',
      '--config',
      cfg,
      '--steps',
      'token',
      '--auth-url',
      pasted,
      '--bundle',
      bundle,
    ]);
    expect(run.stdout).toContain('token.pasted-url');
    expectNoId('the CLI stdout', run.stdout);
    expectNoId('the CLI stderr', run.stderr);
    const entries = await readZip(bundle);
    // The start link was requested (the trace has it), so the test is not vacuous.
    expect(entries.find((e) => e.name === 'network-trace.json')!.data.toString('utf8')).toMatch(/trakt\/auth/i);
    for (const entry of entries) expectNoId(entry.name, entry.data.toString('utf8'));
  });

  it.each(PASTED)('the network trace and the log with %s', async (_name, pasted) => {
    const ctx = await contextFor(world);
    await diagnose(ctx, { steps: ['token'], authUrl: pasted }, {}, TOKEN_CHECKS);
    expect(JSON.stringify(ctx.trace.list())).toMatch(/trakt\/auth/i);
    expectNoId('the network trace', JSON.stringify(ctx.trace.list()));
    expectNoId('the log', ctx.log.tail().join('\n'));
  });

  it('the window: the IPC answer, the run events and the log', async () => {
    const { call, events, log } = recordedService(resolveConfig(world.config()));
    for (const [i, [, pasted]] of PASTED.entries()) {
      const answer = await call('diagnosis:run', { runId: `n3-${i}`, steps: ['token'], authUrl: pasted });
      expect(answer.ok).toBe(true);
      expectNoId(`the IPC answer (${pasted})`, JSON.stringify(answer));
    }
    expectNoId('the run events', JSON.stringify(events));
    expectNoId('the log', log.join('\n'));
  });
});
