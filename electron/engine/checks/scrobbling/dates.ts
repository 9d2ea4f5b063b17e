/** A short calendar date for the Scrobbling step's evidence lines, which stay English ("Nov 24, 2026"; docs/i18n.md). */
export function shortDate(ms: number): string {
  return new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(ms));
}
