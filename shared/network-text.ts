/**
 * The one sanitiser for text that came from the network (an OAuth `error_description`, a captive portal's
 * `Location`, a server's message, a header, a title from a library): it becomes inert text on every
 * surface — the window, the CLI's terminal, the copied Markdown, app.log and the bundle. A terminal
 * would obey an ESC sequence (colours, a cursor move that overwrites the line before, an OSC 8 link or
 * window title) and a bidi override makes text read differently than it is (CVE-2021-42574 "Trojan
 * Source"), so both are removed, not escaped.
 */

/**
 * Escape sequences as terminals read them (ECMA-48 §5.4–5.6): CSI (`ESC [` or C1 0x9B) with its
 * parameters up to a final byte; OSC, DCS, SOS, PM and APC strings (`ESC ]`/`ESC P`/`ESC X`/`ESC ^`/`ESC _`
 * or their C1 forms) up to BEL or ST; any other `ESC` and the character after it.
 */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this expression's job
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x7e]?/g;

/** Line breaks (CR, LF, CR LF, NEL, LS, PS) and tabs: said as one space in a one-line text. */
const LINE_BREAK = /\r\n|[\r\n\t\x85\u2028\u2029]/g;

/**
 * Every remaining C0 control, DEL and C1 control, and the Unicode bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this expression's job
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` as one line of inert text: terminal escape sequences removed whole (ESC, CSI, OSC … keeping
 * none of their parameters), every other C0/C1 control character and every bidi override or isolate
 * removed, line breaks and tabs turned into a space.
 */
export function sanitizeNetworkText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAK, ' ').replace(CONTROL, '');
}

/**
 * The same for a text of several lines the engine wrote itself (a report to paste, a Markdown summary, a
 * log tail): each line sanitised as by `sanitizeNetworkText`, the `\n` between them kept.
 */
export function sanitizeNetworkLines(text: string): string {
  return text.split(/\r?\n/).map(sanitizeNetworkText).join('\n');
}

/**
 * Every string of a JSON-safe value (keys too) as one line, as by `sanitizeNetworkText` — except the
 * strings under a key of `multiline`, texts the engine writes as several lines, sanitised line by line.
 */
export function sanitizeNetworkValue<T>(value: T, multiline: ReadonlySet<string> = NO_KEYS): T {
  const walk = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string')
      return key !== undefined && multiline.has(key) ? sanitizeNetworkLines(node) : sanitizeNetworkText(node);
    if (Array.isArray(node)) return node.map((child) => walk(child));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, child]) => [sanitizeNetworkText(k), walk(child, k)]));
  };
  return walk(value) as T;
}

const NO_KEYS: ReadonlySet<string> = new Set();
