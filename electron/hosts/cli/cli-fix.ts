import type { Finding } from '../../../shared/report';
import type { Translator } from '../../../shared/i18n/translator';
import { findingText } from '../../../shared/i18n/report-text';

/**
 * A finding's fix as a command-line user follows it (docs/i18n.md "CLI and report texts"): the catalog's steps,
 * each one that names the window ("in the Token step", "press the button", "export the bundle", "run this step
 * again") replaced by the `cli:fix.<CODE>.<index>` sentence that names the environment variable or flag instead.
 */
export function cliFixText(finding: Finding, tr: Translator): ReturnType<typeof findingText> {
  const text = findingText(finding, tr);
  const steps = text.fix.steps.map((step, index) => {
    const key = `cli:fix.${finding.problem}.${index}`;
    return tr.known(key) ?? step;
  });
  return { ...text, fix: { ...text.fix, steps } };
}
