/**
 * The locale key of a check's title: `token.stremio-account` → `checks-token:stremio-account.title`
 * (one namespace per step; docs/i18n.md). The window, the CLI and the engine name checks the same way.
 */
export function checkTitleKey(checkId: string): string {
  const dot = checkId.indexOf('.');
  return `checks-${checkId.slice(0, dot)}:${checkId.slice(dot + 1)}.title`;
}
