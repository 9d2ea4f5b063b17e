/**
 * The sentences of a plain-text report, each with how often it is printed: every line is cut into its cells
 * (aligned columns are two or more spaces apart) and each cell into sentences (a parenthesis holds one of its own; final stops do not count); list marks, numbering and
 * fragments of fewer than three words (a mark, a step name, a labelled address) do not count. A report says each sentence once (docs/i18n.md).
 */
export function sentenceCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n'))
    for (const cell of line.trim().split(/\s{2,}/)) {
      const body = cell.replace(/^(?:[-•→]|\d+[.)])\s+/u, '');
      // A sentence nested in parentheses ("skipped (Not signed in: …)") counts as a sentence of its own.
      for (const part of body.split(/(?<=[.!?…])\s+(?=\S)|\s*[()]\s*/u)) {
        const sentence = part.trim().replace(/[.…:;,]+$/u, '');
        // A sentence has words: a label with an address ("system 127.0.0.1:53") is not one.
        if (sentence.length < 16 || (sentence.match(/\p{L}{2,}/gu) ?? []).length < 3) continue;
        counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
      }
    }
  return counts;
}

/** The sentences printed more than once, most repeated first. */
export function repeatedSentences(text: string): [string, number][] {
  return [...sentenceCounts(text)].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]);
}
