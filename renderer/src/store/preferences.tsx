import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import type { DoctorApi, Theme } from '../../../shared/ipc';
import type { Locale } from '../../../shared/i18n/locales';
import { switchLanguage, translatorOf } from '../../../shared/i18n/translator';
import { WindowTrContext, type WindowTr } from '../i18n/use-tr';
import { callSafely } from '../lib/doctor-api';

/** The window's remembered choices and how to change them (docs/i18n.md "The window"). */
export interface WindowPreferences {
  readonly locale: Locale;
  readonly theme: Theme;
  /** Switches the language (its texts load first) and saves it; the wizard's state stays as it is. */
  setLocale(locale: Locale): Promise<void>;
  /** Applies a theme and saves it. */
  setTheme(theme: Theme): void;
}

const PreferencesContext = createContext<WindowPreferences | null>(null);

/** Sets `<html lang>` and `<html data-theme>`, so screen readers pick the voice and CSS picks the palette. */
function applyToDocument(locale: Locale, theme: Theme): void {
  document.documentElement.lang = locale;
  document.documentElement.dataset.theme = theme;
}

/**
 * Provides the window's translation (`useTr`) and the language/theme choices; choices are saved via
 * `settings:set-preferences`. The texts follow the i18next instance's language, however it changed.
 */
export function WindowProvider({
  i18n,
  api,
  initialTheme = 'system',
  children,
}: {
  readonly i18n: I18n;
  readonly api: DoctorApi;
  readonly initialTheme?: Theme;
  readonly children: ReactNode;
}) {
  const [locale, setLocaleState] = useState<Locale>(i18n.language as Locale);
  const [theme, setThemeState] = useState<Theme>(initialTheme);

  useEffect(() => applyToDocument(locale, theme), [locale, theme]);
  useEffect(() => {
    const follow = (language: string) => setLocaleState(language as Locale);
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n]);

  // The translator reads i18n.language on each call; a new `t` per language makes memoised texts be said again.
  const tr = useMemo(() => translatorOf(i18n), [i18n]);
  const texts = useMemo<WindowTr>(() => ({ t: (key, ...params) => tr.t(key, ...params), tr, locale }), [tr, locale]);

  const setLocale = useCallback(
    async (next: Locale) => {
      await switchLanguage(i18n, next);
      setLocaleState(next);
      await callSafely(() => api['settings:set-preferences']({ locale: next }));
    },
    [i18n, api],
  );
  const setTheme = useCallback(
    (next: Theme) => {
      setThemeState(next);
      void callSafely(() => api['settings:set-preferences']({ theme: next }));
    },
    [api],
  );
  const value = useMemo(() => ({ locale, theme, setLocale, setTheme }), [locale, theme, setLocale, setTheme]);
  return (
    <WindowTrContext.Provider value={texts}>
      <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>
    </WindowTrContext.Provider>
  );
}

/** The window's language and theme choices. */
export function usePreferences(): WindowPreferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences must be used inside <WindowProvider>');
  return value;
}
