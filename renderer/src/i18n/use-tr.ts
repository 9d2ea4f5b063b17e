import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translatorOf, type Translator } from '../../../shared/i18n/translator';

/** The window's `t`: a key typed from the locale files and its parameters. */
export type Translate = Translator['t'];

/**
 * The window's translation hook: `t` for the window's own keys (`wizard:…`, `common:…`), typed from the locale
 * files like every key (docs/i18n.md "Typed keys"), and `tr`, a Translator for re-saying report texts
 * (shared/i18n/report-text.ts). Both follow a language switch (a re-render, and a new `t`).
 */
export function useTr(): {
  readonly t: Translate;
  readonly tr: Translator;
  readonly locale: string;
} {
  const { t: i18nextT, i18n } = useTranslation(['wizard', 'common']);
  const locale = i18n.language;
  // The translator reads i18n.language on each call; useTranslation re-renders on a switch.
  const tr = useMemo(() => translatorOf(i18n), [i18n]);
  // A new `t` on each switch (i18next's own changes then), so memoised texts are said again.
  const t = useMemo<Translate>(() => {
    void i18nextT; // a new function whenever i18next's own `t` changes (a language switch)
    return (key, ...params) => tr.t(key, ...params);
  }, [tr, i18nextT]);
  return { t, tr, locale };
}
