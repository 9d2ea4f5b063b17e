import { PROBLEMS, type ProblemCode } from '../../../shared/problems';
import { problemKey } from '../../../shared/i18n/report-text';
import type { Translator } from '../../../shared/i18n/translator';

/** A catalog problem's title and explanation in `tr`'s language (the catalog's English when a key is missing). */
export function problemText(
  code: ProblemCode,
  tr: Translator,
): { readonly title: string; readonly explanation: string } {
  const info = PROBLEMS[code];
  const say = (path: 'title' | 'explanation', fallback: string) => tr.known(problemKey(code, path)) ?? fallback;
  return { title: say('title', info.title), explanation: say('explanation', info.explanation) };
}
