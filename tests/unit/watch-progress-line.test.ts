import { describe, expect, it } from 'vitest';
import type { WatchProgress } from '../../shared/check-details/closed-loop';
import { englishTranslator } from '../../shared/i18n/translator';
import { watchProgressPrinter } from '../../electron/hosts/cli/watch-progress-line';

const START = Date.UTC(2026, 11, 7, 21, 0, 0);

function progress(phase: WatchProgress['phase'], polls: number, extra: Partial<WatchProgress> = {}): WatchProgress {
  return {
    check: 'scrobbling.live',
    phase,
    polls,
    startedAt: new Date(START).toISOString(),
    waitUntil: new Date(START + 300_000).toISOString(),
    seen: false,
    ...extra,
  };
}

describe('the CLI progress of a closed-loop wait (stderr)', () => {
  it('says the instructions at once, then at most one line per 15 s while it polls', () => {
    let now = START;
    const print = watchProgressPrinter(englishTranslator(), () => now);
    expect(print(progress('started', 0))).toBe(
      'Live scrobble test: play anything in Stremio for a minute, then pause and resume once. Watching Trakt for up to 5 min (Ctrl+C stops)…',
    );
    const lines: (string | null)[] = [];
    for (let polls = 1; polls <= 12; polls++) {
      now = START + polls * 5000;
      lines.push(print(progress('polled', polls)));
    }
    expect(lines.filter((l) => l !== null)).toEqual([
      'Live scrobble test: 3 reads of Trakt, nothing seen yet; 4 min left…',
      'Live scrobble test: 6 reads of Trakt, nothing seen yet; 4 min left…',
      'Live scrobble test: 9 reads of Trakt, nothing seen yet; 4 min left…',
      'Live scrobble test: 12 reads of Trakt, nothing seen yet; 4 min left…',
    ]);
    now += 15_000;
    expect(print(progress('rate-limited', 13, { resumeAt: new Date(now + 42_000).toISOString() }))).toMatch(
      /^Live scrobble test: Trakt asked to wait \(its rate limit\); next read at /,
    );
    expect(print(progress('finished', 13))).toBeNull();
  });

  it('names the re-link watch in its own words', () => {
    const print = watchProgressPrinter(englishTranslator(), () => START);
    expect(print(progress('started', 0, { check: 'token.relink' }))).toMatch(
      /^Re-link watch: in Stremio, log out of Trakt and link it again \(Settings → Trakt Scrobbling → Log out, then Authenticate in Stremio 4 and 5; Settings → Integrations → Trakt in Stremio 6\), and press "Yes" on Trakt.s page\. Waiting up to 5 min/,
    );
  });
});
