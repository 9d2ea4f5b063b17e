import { useEffect, useId, useRef, useState } from 'react';
import { useTr } from '../i18n/use-tr';

/**
 * The paste field: the address of the page that shows "400 Bad Request", analysed like Stremio's redirect.
 * While "Analyse this address" cannot be pressed, the line under it says why.
 */
export function TokenPasteUrl({
  busy,
  autoFocus,
  onAnalyse,
}: {
  readonly busy: boolean;
  /** Focus the field when it appears (Welcome's answer was "Authenticate shows 400 / an error page"). */
  readonly autoFocus: boolean;
  readonly onAnalyse: (url: string) => void;
}) {
  const { t } = useTr();
  const [url, setUrl] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const whyId = useId();
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const why = busy ? t('wizard:token.analyseWaiting') : url.trim() === '' ? t('wizard:token.analyseEmpty') : null;
  return (
    <form
      className="fast-path"
      data-testid="token-paste-url"
      onSubmit={(event) => {
        event.preventDefault();
        if (!why) onAnalyse(url.trim());
      }}
    >
      <label htmlFor="token-auth-url">{t('wizard:token.pasteLabel')}</label>
      <p className="small muted" id="token-auth-url-hint">
        {t('wizard:token.pasteHint')}
      </p>
      <input
        ref={input}
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
      <div className="copy-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={why !== null}
          aria-describedby={why ? whyId : undefined}
        >
          {t('wizard:token.analyse')}
        </button>
        {why && (
          <span className="small muted" id={whyId} data-testid="analyse-why">
            {why}
          </span>
        )}
      </div>
    </form>
  );
}
