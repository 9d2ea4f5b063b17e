import MarkdownIt, { type Token } from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { contextFor } from '../kit/engine';
import { feedPayload, incident, signedFeed } from '../kit/incident-feed';
import { FEED_PATH, startWorld, type World } from '../kit/world';

/**
 * Issue 20 N6: the copied summary (and summary.md) put feed links unescaped into `<…>`, left bare network
 * URLs clickable (forums autolink them), and a feed body starting with `# ` became a heading. The summary is
 * parsed here as a forum does (markdown-it with linkify, as Discourse uses it): whatever a hostile feed and a
 * captive portal send, the only links are the ones the wizard means, and the only headings its own.
 */
const HOSTILE_LINK =
  'https://github.com/trakt/trakt-api/issues/887>[Fix it here](https://evil.example/phish) <https://evil.example/x';

/** Every token of a document, inline children included. */
function tokensOf(markdown: string): Token[] {
  const md = new MarkdownIt({ html: true, linkify: true });
  const walk = (tokens: readonly Token[]): Token[] => tokens.flatMap((t) => [t, ...walk(t.children ?? [])]);
  return walk(md.parse(markdown, {}));
}

describe('the summary Markdown carries no planted link, autolink, heading or HTML (issue 20 N6)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    const announcement = incident({
      id: 'planted-markup',
      severity: 'warning',
      title: { en: 'Planted title www.evil.example' },
      body: {
        en: '# Pwned heading\nSee https://evil.example/fix or www.evil.example today.',
      },
      links: [HOSTILE_LINK],
      matches: { problems: [] },
    });
    world.incidents.route('GET', FEED_PATH, {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: signedFeed(feedPayload([announcement])),
    });
    world.captivePortal.route('GET', '/generate_204', {
      status: 302,
      headers: { location: 'http://portal.evil.example/login?next=www.evil.example' },
      body: '',
    });
  });
  afterAll(() => world.close());

  it('links, headings and HTML as a forum would render them', async () => {
    const ctx = await contextFor(world);
    const report = await diagnose(ctx, { steps: ['connectivity'] });
    // The hostile texts did reach the report (the test would prove nothing otherwise).
    expect(report.findings.map((f) => f.problem)).toEqual(expect.arrayContaining(['KNOWN_INCIDENT', 'CAPTIVE_PORTAL']));
    const markdown = renderSummaryMarkdown(report);
    expect(markdown).toContain('Pwned heading');
    expect(markdown).toContain('portal.evil.example');

    const tokens = tokensOf(markdown);
    const hrefs = tokens.filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href') ?? ''));
    const hosts = hrefs.map((href) => new URL(href).hostname);
    expect(
      hosts.filter((host) => host.includes('evil.example')),
      `links: ${hrefs.join(' ')}`,
    ).toEqual([]);
    // The feed's source link is still a link, on its own host.
    expect(hosts).toContain('github.com');
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]?.content ?? ''] : []));
    expect(headings.filter((h) => /Pwned/.test(h))).toEqual([]);
    expect(tokens.filter((t) => t.type === 'html_inline' || t.type === 'html_block')).toEqual([]);
  });
});
