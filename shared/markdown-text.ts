/**
 * The parts a Markdown summary for a forum post is built from (issue 20 N6): text that can come from the
 * network — a captive portal's address, a server's message, a feed's words — is escaped, so it can plant no
 * link, image, heading, list, quote or HTML; a link the wizard means goes through `markdownLink` only.
 * Forums turn bare addresses into links (GitHub's autolinks, Discourse's and Reddit's linkify: `https://…`,
 * `www.…`, `name@host`, even `evil.com`), so anything that looks like an address is set as code, where no
 * renderer links it — and where it stays readable in the raw file.
 */

/** Characters that start Markdown or HTML markup inside a line (links, images, emphasis, code, tables, tags). */
const MARKUP = /[\\`*[\]<>|~]/g;
/** An underscore with a letter or digit on both sides cannot open emphasis, so `CRIT_ONE` stays as it is. */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/**
 * A word that a forum could turn into a link: a scheme (`https://`, `mailto:`), `www.`, an e-mail-like
 * `a@b.c`, or a host-like `name.tld` (letters after the last dot).
 */
const ADDRESS_LIKE =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b(?:mailto|javascript|data|file):|[^\s@]@[^\s@]+\.[^\s@]|[\p{L}\p{N}-]\.[\p{L}]{2,}(?![\p{L}\p{N}])/iu;
/** Markup that means something at the start of a line: a heading, a quote, a list item, a setext underline, a table. */
const LINE_START_MARKUP = /^(?:[#>+=-]|\d{1,9}[.)])/;

/**
 * One line of text, safe to paste into a forum post: line breaks folded (a multi-line value cannot break
 * the list it is in), Markdown and HTML markup escaped, markup at the start of the line defused, and every
 * address-like word set as code.
 */
export function markdownText(text: string): string {
  const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  const escaped = line
    .split(/(\s+)/)
    .map((part, i) => (i % 2 === 1 ? part : ADDRESS_LIKE.test(part) ? markdownCode(part) : escapeWord(part)))
    .join('');
  return escaped.replace(LINE_START_MARKUP, (start) =>
    /^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`,
  );
}

/** Text as a code span: shown as it is, never markup and never a link, however many backticks it holds. */
export function markdownCode(text: string): string {
  const line = text.replace(/\s*\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * The one way a link the wizard means (a fix, a feed's source) enters Markdown: an https address without
 * credentials as an autolink of its normalised form — the URL parser's `href`, which percent-encodes `<`,
 * `>`, spaces and quotes, so nothing in it can close the `<…>` early and start markup of its own. Anything
 * else is shown as code, not linked.
 */
export function markdownLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return markdownCode(url);
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return markdownCode(url);
  const href = parsed.href.replace(
    /[\s<>`"'\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `<${href}>`;
}

function escapeWord(word: string): string {
  return word.replace(MARKUP, '\\$&').replace(EMPHASIS_UNDERSCORE, '\\_');
}
