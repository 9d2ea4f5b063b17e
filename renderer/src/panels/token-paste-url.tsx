import { useState } from 'react';
import { useTr } from '../i18n/use-tr';

/** The paste field: the address of the page that shows "400 Bad Request", analysed like Stremio's redirect. */
export function TokenPasteUrl({
  busy,
  onAnalyse,
}: {
  readonly busy: boolean;
  readonly onAnalyse: (url: string) => void;
}) {
  const { t } = useTr();
  const [url, setUrl] = useState('');
  return (
    <form
      className="fast-path"
      data-testid="token-paste-url"
      onSubmit={(event) => {
        event.preventDefault();
        if (url.trim()) onAnalyse(url.trim());
      }}
    >
      <label htmlFor="token-auth-url">{t('wizard:token.pasteLabel')}</label>
      <p className="small muted" id="token-auth-url-hint">
        {t('wizard:token.pasteHint')}
      </p>
      <input
        id="token-auth-url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="token-auth-url-hint"
        value={url}
        maxLength={8192}
        onChange={(event) => setUrl(event.target.value)}
        placeholder="https://api.trakt.tv/oauth/authorize?…"
      />
      <button type="submit" className="button button-primary" disabled={busy || url.trim() === ''}>
        {t('wizard:token.analyse')}
      </button>
    </form>
  );
}
