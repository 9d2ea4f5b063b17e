import {
  SCROBBLING_CHECK_IDS,
  ScrobblingViewSchema,
  type ScrobblingView,
  type ViewWatch,
} from '../../../shared/check-details/scrobbling';
import { readDetails } from '../../../shared/check-details/details-schema';
import { Disclosure } from '../components/disclosure';
import { useTr, type Translate } from '../i18n/use-tr';
import { useStepRun } from '../store/use-wizard';
import type { PanelProps } from './panel-types';

/** A date and time in the window's language (Intl via i18next's datetime format). */
const day = (iso: string, t: Translate) => t('wizard:scrobbling.date', { date: new Date(iso) });

function WatchLine({ watch }: { readonly watch: ViewWatch }) {
  const { t } = useTr();
  return (
    <>
      <span className="check-title">
        {watch.title || t('wizard:scrobbling.untitled')}
        {watch.episode ? ` · ${watch.episode}` : ''}
      </span>{' '}
      <span className="small muted">{day(watch.watchedAt, t)}</span>
    </>
  );
}

function Comparison({ view }: { readonly view: ScrobblingView }) {
  const { t } = useTr();
  const missing = view.finished - view.matched;
  return (
    <>
      <p data-testid="scrobbling-counts">
        {missing > 0
          ? t('wizard:scrobbling.countsMissing', {
              since: day(view.since, t),
              count: view.finished,
              matched: view.matched,
              missing,
            })
          : t('wizard:scrobbling.counts', {
              since: day(view.since, t),
              count: view.finished,
              matched: view.matched,
            })}{' '}
        {t('wizard:scrobbling.last', {
          last: view.lastOnTrakt ? day(view.lastOnTrakt, t) : t('wizard:scrobbling.none'),
        })}
      </p>
      <div className="cards">
        <div className="card">
          <h4>{t('wizard:scrobbling.inStremio')}</h4>
          {view.stremio.length === 0 ? (
            <p className="small muted">{t('wizard:scrobbling.nothingStremio')}</p>
          ) : (
            <ul className="plain-steps" data-testid="scrobbling-stremio">
              {view.stremio.map((watch, i) => (
                <li key={`${watch.watchedAt}-${i}`} data-on-trakt={watch.onTrakt}>
                  <span aria-hidden="true">{watch.onTrakt ? '✓ ' : '✕ '}</span>
                  <WatchLine watch={watch} />
                  <span className="offscreen">
                    {watch.onTrakt
                      ? ` ${t('wizard:scrobbling.onTraktMark')}`
                      : ` ${t('wizard:scrobbling.notOnTraktMark')}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h4>{t('wizard:scrobbling.onTrakt')}</h4>
          {view.trakt.length === 0 ? (
            <p className="small muted">{t('wizard:scrobbling.nothingTrakt')}</p>
          ) : (
            <ul className="plain-steps" data-testid="scrobbling-trakt">
              {view.trakt.map((watch, i) => (
                <li key={`${watch.watchedAt}-${i}`}>
                  <WatchLine watch={watch} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * The Scrobbling step's side-by-side view of the newest titles, folded under one line (the timeline above says
 * what happened; these are the titles behind it); titles are shown here and nowhere else.
 */
export function ScrobblingComparison(_props: PanelProps) {
  const { t } = useTr();
  const payload = readDetails(
    useStepRun('scrobbling').windowOnly[SCROBBLING_CHECK_IDS.comparison],
    ScrobblingViewSchema,
  );
  if (!payload) return null;
  return (
    <div data-testid="scrobbling-comparison">
      <Disclosure label={t('wizard:scrobbling.title')} testId="scrobbling-titles" keepMounted>
        <Comparison view={payload} />
        <p className="notice privacy small">{t('wizard:scrobbling.privacy')}</p>
      </Disclosure>
    </div>
  );
}
