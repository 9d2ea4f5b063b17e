import { ComparisonDetailsSchema } from '../../../shared/check-details/scrobbling-timeline';
import { readDetails } from '../../../shared/check-details/details-schema';
import { useTr } from '../i18n/use-tr';
import { timelineDays, timelineStory, type TimelineDay, type TimelineStory } from '../lib/timeline-story';
import { useStepRun } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import { SCROBBLING_CHECK_IDS } from '../../../shared/check-details/scrobbling';

/** The check whose details carry the per-day counts. */
const COMPARISON_CHECK = SCROBBLING_CHECK_IDS.comparison;
const SLOT = 20;
const BAR = 7;
const HEIGHT = 96;

/** The sentence that says what the picture shows. */
function storyText(story: TimelineStory, t: ReturnType<typeof useTr>['t']): string {
  switch (story.kind) {
    case 'empty':
      return t('wizard:timeline.empty');
    case 'none-recorded':
      return t('wizard:timeline.noneRecorded', { count: story.finished });
    case 'stopped':
      return t('wizard:timeline.stopped', { day: story.lastRecorded, count: story.finishedSince });
    case 'flowing':
      return t('wizard:timeline.flowing', {
        count: story.finished,
        recorded: t('wizard:timeline.recordedCount', { count: story.recorded }),
      });
  }
}

/** The runs of days outside the compared window, as [first, last + 1] (one shaded band each, no seams). */
function outsideRuns(days: readonly TimelineDay[]): (readonly [number, number])[] {
  const runs: [number, number][] = [];
  days.forEach((d, i) => {
    if (d.finished !== null) return;
    const last = runs.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  return runs;
}

/** The bars: per day, finished in Stremio (left) and recorded by Trakt (right); days not compared shaded. */
function Bars({ days, stopAfter }: { readonly days: readonly TimelineDay[]; readonly stopAfter: number | null }) {
  const max = Math.max(1, ...days.flatMap((d) => [d.finished ?? 0, d.recorded ?? 0]));
  const height = (n: number | null) => (n ? Math.max(3, (n / max) * (HEIGHT - 8)) : 0);
  return (
    <svg
      className="timeline-bars"
      viewBox={`0 0 ${days.length * SLOT} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {outsideRuns(days).map(([from, to]) => (
        <rect key={from} className="tl-outside" x={from * SLOT} y={0} width={(to - from) * SLOT} height={HEIGHT} />
      ))}
      {days.map((d, i) => (
        <g key={i} transform={`translate(${i * SLOT} 0)`}>
          <rect className="tl-finished" x={2} y={HEIGHT - height(d.finished)} width={BAR} height={height(d.finished)} />
          <rect
            className="tl-recorded"
            x={3 + BAR}
            y={HEIGHT - height(d.recorded)}
            width={BAR}
            height={height(d.recorded)}
          />
        </g>
      ))}
      {stopAfter !== null && (
        <line className="tl-stop" x1={(stopAfter + 1) * SLOT} x2={(stopAfter + 1) * SLOT} y1={0} y2={HEIGHT} />
      )}
      <line className="tl-axis" x1={0} x2={days.length * SLOT} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
    </svg>
  );
}

/**
 * The Scrobbling step's picture of the last 30 days: per day, what Stremio finished and what Trakt recorded,
 * so the day scrobbles stopped shows at a glance. Drawn from the comparison's counts (never a title); a
 * sentence says what it shows and a table (for screen readers) lists the days.
 */
export function ScrobblingTimelinePanel(_props: PanelProps) {
  const { t } = useTr();
  const row = useStepRun('scrobbling').rows.find((r) => r.id === COMPARISON_CHECK);
  const details = row?.state === 'done' ? readDetails(row.result.details, ComparisonDetailsSchema) : null;
  if (!details) return null;
  const days = timelineDays(details.timeline);
  const story = timelineStory(days);
  const stopAfter = story.kind === 'stopped' ? days.findIndex((d) => d.date === story.lastRecorded) : null;
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="timeline" data-testid="scrobbling-timeline" data-story={story.kind}>
      <figcaption>
        <h3 className="section-title">{t('wizard:timeline.title')}</h3>
        <p data-testid="timeline-story">{storyText(story, t)}</p>
      </figcaption>
      <Bars days={days} stopAfter={stopAfter} />
      <div className="timeline-axis muted small" aria-hidden="true">
        <span>{first && t('wizard:timeline.day', { day: first.date })}</span>
        <span>{last && t('wizard:timeline.day', { day: last.date })}</span>
      </div>
      <ul className="timeline-legend small" aria-hidden="true">
        <li>
          <span className="swatch tl-finished" /> {t('wizard:timeline.finished')}
        </li>
        <li>
          <span className="swatch tl-recorded" /> {t('wizard:timeline.recorded')}
        </li>
        <li>
          <span className="swatch tl-outside" /> {t('wizard:timeline.outside')}
        </li>
      </ul>
      <table className="offscreen" data-testid="timeline-table">
        <caption>{t('wizard:timeline.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wizard:timeline.dayColumn')}</th>
            <th scope="col">{t('wizard:timeline.finished')}</th>
            <th scope="col">{t('wizard:timeline.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {days
            .filter((d) => (d.finished ?? 0) > 0 || (d.recorded ?? 0) > 0)
            .map((d) => (
              <tr key={d.date.toISOString()}>
                <th scope="row">{t('wizard:timeline.day', { day: d.date })}</th>
                <td>{d.finished ?? 0}</td>
                <td>{d.recorded ?? 0}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
