import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc';
import type { IncidentRef } from '../../../shared/report';
import { useTr } from '../i18n/use-tr';
import { ipcErrorText } from '../lib/ipc-error-text';
import { knownSinceText } from '../lib/known-since';
import { useWizard } from '../store/use-wizard';

/**
 * The verified known incident behind a finding: since when, its title, its text and its public sources.
 * Everything is rendered as plain text; a source opens only through the allow-listed `fix:open-url`.
 */
export function IncidentNote({ incident, showBody }: { readonly incident: IncidentRef; readonly showBody: boolean }) {
  const { t } = useTr();
  const openUrl = useWizard((s) => s.openUrl);
  const [refused, setRefused] = useState<IpcError | null>(null);
  const open = async (link: string) => {
    const outcome = await openUrl(link);
    setRefused(outcome.opened ? null : outcome.error);
  };
  return (
    <aside className="incident-note" data-incident={incident.id} aria-label={t('wizard:incident.label')}>
      <p className="incident-since">{knownSinceText(incident, t)}</p>
      <p className="incident-title">{incident.title}</p>
      {showBody && incident.body && <p className="incident-body">{incident.body}</p>}
      {incident.links.length > 0 && (
        <ul className="incident-links">
          {incident.links.map((link) => (
            <li key={link}>
              <button type="button" className="link-button" onClick={() => void open(link)}>
                {link}
              </button>
            </li>
          ))}
        </ul>
      )}
      {refused && (
        <p role="status" className="fix-feedback refused">
          {t('wizard:fix.notOpened', { reason: ipcErrorText(refused, t) })}
        </p>
      )}
    </aside>
  );
}
