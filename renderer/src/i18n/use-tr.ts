import { createContext, useContext } from 'react';
import type { Translator } from '../../../shared/i18n/translator';

/** The window's `t`: a key typed from the locale files and its parameters. */
export type Translate = Translator['t'];

/** What `useTr` gives a component: the window's `t`, a Translator for report texts, and the language on screen. */
export interface WindowTr {
  readonly t: Translate;
  readonly tr: Translator;
  readonly locale: string;
}

/** The window's translation, provided once by `WindowProvider` (store/preferences.tsx) and new on each language switch. */
export const WindowTrContext = createContext<WindowTr | null>(null);

/**
 * The window's translation hook: `t` for the window's own keys (`wizard:…`, `common:…`), typed from the locale
 * files like every key (docs/i18n.md "Typed keys"), and `tr`, a Translator for re-saying report texts
 * (shared/i18n/report-text.ts). Both follow a language switch (a re-render, and a new `t`, so memoised texts are
 * said again). One context for the whole window: a per-component i18next subscription (react-i18next's
 * `useTranslation`) cost every render its namespace checks (docs/testing.md "Benchmarks").
 */
export function useTr(): WindowTr {
  const value = useContext(WindowTrContext);
  if (!value) throw new Error('useTr must be used inside <WindowProvider>');
  return value;
}
