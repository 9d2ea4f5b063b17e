import { describe, expect, it } from 'vitest';
import { sanitizeNetworkLines, sanitizeNetworkText, sanitizeNetworkValue } from '../../shared/network-text';

describe('sanitizeNetworkText: network text is inert on every surface (issue 20 N5)', () => {
  it.each([
    ['CSI colours', '\x1b[1;31mred\x1b[0m', 'red'],
    ['CSI with intermediates', 'a\x1b[?25lb', 'ab'],
    ['C1 CSI (0x9B)', 'a\x9b2Jb', 'ab'],
    ['OSC title ended by BEL', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC 8 hyperlink ended by ST', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['C1 OSC ended by C1 ST', 'a\x9d0;pwned\x9cb', 'ab'],
    ['DCS string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['a two-byte escape', 'a\x1bcb', 'ab'],
    ['a lone ESC at the end', 'ab\x1b', 'ab'],
    ['other C0 and C1 controls, DEL', 'a\x00\x07\x08\x7f\x85\x81\x8fb', 'a b'],
    ['bidi overrides and isolates', '\u202Egnp.exe\u202C \u2066x\u2069 \u202Ay\u202B\u202D', 'gnp.exe x y'],
    ['line breaks and tabs as one space each', 'one\r\ntwo\nthree\tfour\u2028five', 'one two three four five'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeNetworkText(input)).toBe(expected);
  });

  it('leaves ordinary text in any script alone', () => {
    const text = 'Trakt — „Fehler“ · 日本語 · עברית · العربية · emoji 🎬 · https://trakt.tv/a?b=c#d';
    expect(sanitizeNetworkText(text)).toBe(text);
  });

  it('keeps the lines of a text the engine wrote, each sanitised', () => {
    expect(sanitizeNetworkLines('# Title\r\n\x1b[31mred\x1b[0m\n\u202Eline')).toBe('# Title\nred\nline');
  });

  it('sanitises every string and key of a value as one line, but the multi-line keys it is given', () => {
    expect(
      sanitizeNetworkValue(
        { 'k\x1b[1m': ['a\nb', { n: 1, t: true, z: null }], reportText: 'x\ny\x07' },
        new Set(['reportText']),
      ),
    ).toEqual({ k: ['a b', { n: 1, t: true, z: null }], reportText: 'x\ny' });
  });
});
