import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translatorOf, type Translator } from '../../../shared/i18n/translator';

/**
 * The window's translation hook: `t` for the window's own keys (`wizard:…`, `common:…`) and `tr`, a Translator
 * for re-saying report texts (shared/i18n/report-text.ts). Both follow a language switch (a re-render).
 */
export function useTr(): {
  readonly t: ReturnType<typeof useTranslation>['t'];
  readonly tr: Translator;
  readonly locale: string;
} {
  const { t, i18n } = useTranslation(['wizard', 'common']);
  const locale = i18n.language;
  // The translator reads i18n.language on each call; useTranslation re-renders on a switch.
  const tr = useMemo(() => translatorOf(i18n), [i18n]);
  return { t, tr, locale };
}
