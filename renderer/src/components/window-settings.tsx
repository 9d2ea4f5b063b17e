import { LOCALES, LOCALE_NAMES, isLocale } from '../../../shared/i18n/locales';
import type { Theme } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { usePreferences } from '../store/preferences';
import type { MessageKey } from '../../../shared/i18n/message';

// The theme names are typed against shared/ipc.ts without importing it at run time (it carries full zod).
const THEME_KEYS = {
  system: 'wizard:settings.themeSystem',
  light: 'wizard:settings.themeLight',
  dark: 'wizard:settings.themeDark',
} as const satisfies Readonly<Record<Theme, MessageKey>>;

/**
 * The header's language and theme menus: native selects (keyboard and screen readers know them). Languages
 * are listed by their own names (LOCALE_NAMES), so a user who cannot read the current one still finds theirs.
 */
export function WindowSettings() {
  const { t } = useTr();
  const { locale, theme, setLocale, setTheme } = usePreferences();
  return (
    <div className="window-settings">
      <label className="setting">
        <span className="setting-label">{t('wizard:settings.language')}</span>
        <select
          data-testid="language-menu"
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) void setLocale(event.target.value);
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="setting">
        <span className="setting-label">{t('wizard:settings.theme')}</span>
        <select
          data-testid="theme-menu"
          value={theme}
          onChange={(event) => {
            if (event.target.value in THEME_KEYS) setTheme(event.target.value as Theme);
          }}
        >
          {(Object.keys(THEME_KEYS) as Theme[]).map((th) => (
            <option key={th} value={th}>
              {t(THEME_KEYS[th])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
