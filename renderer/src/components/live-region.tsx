import { useEffect, useRef, useState } from 'react';
import type { Translator } from '../../../shared/i18n/translator';
import { checkTitleText } from '../../../shared/i18n/report-text';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import type { Verdict } from '../../../shared/report';
import { useTr, type Translate } from '../i18n/use-tr';
import { isStepPage } from '../lib/pages';
import { useWizardStore } from '../store/use-wizard';
import { VERDICT_KEYS } from './verdict-badge';

/** Something to announce, said at announce time (so it is in the language on screen then). */
type Note =
  | { readonly kind: 'check'; readonly id: string; readonly title: string; readonly verdict: Verdict }
  | { readonly kind: 'step'; readonly step: StepName };

/** At most this many check names in one announcement; more become a count (a screen reader should not recite a list). */
const MAX_NAMED = 3;

/**
 * The window's one polite live region (role=status; WAI-ARIA 1.2 "status"): it announces the on-screen step's
 * finished checks ("DNS — Pass") and each step's completion, batched over `delayMs` so a burst of results is one
 * short announcement, not a recital.
 */
export function LiveRegion({ delayMs = 1000 }: { readonly delayMs?: number }) {
  const store = useWizardStore();
  const { t, tr } = useTr();
  const [said, setSaid] = useState<readonly Note[]>([]);
  const pending = useRef<Note[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const flush = () => {
      timer.current = null;
      const notes = pending.current;
      pending.current = [];
      if (notes.length > 0) setSaid(notes);
    };
    const queue = (note: Note) => {
      pending.current.push(note);
      timer.current ??= setTimeout(flush, delayMs);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      for (const step of STEP_NAMES) {
        const run = state.steps[step];
        const before = previous.steps[step];
        if (run === before) continue;
        if (state.page === step && isStepPage(state.page)) {
          const wasDone = new Set(before.rows.flatMap((r) => (r.state === 'done' ? [r.id] : [])));
          for (const row of run.rows)
            if (row.state === 'done' && !wasDone.has(row.id) && run.runId === before.runId)
              queue({ kind: 'check', id: row.id, title: row.result.title, verdict: row.result.verdict });
        }
        if (run.status === 'done' && (before.status === 'running' || before.status === 'waiting'))
          queue({ kind: 'step', step });
      }
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [store, delayMs]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="live-region">
      {sayNotes(said, t, tr)}
    </div>
  );
}

/** The announcement for a batch of notes: up to MAX_NAMED checks by name (else a count), then finished steps. */
function sayNotes(notes: readonly Note[], t: Translate, tr: Translator): string {
  const checks = notes.flatMap((n) => (n.kind === 'check' ? [n] : []));
  const steps = notes.flatMap((n) => (n.kind === 'step' ? [n.step] : []));
  const parts: string[] = [];
  if (checks.length > MAX_NAMED) parts.push(t('wizard:live.checksFinished', { count: checks.length }));
  else
    for (const check of checks)
      parts.push(
        t('wizard:live.check', {
          title: checkTitleText({ id: check.id, title: check.title }, tr),
          verdict: t(VERDICT_KEYS[check.verdict]),
        }),
      );
  // Steps that ran ahead end together: one count, not a list of names.
  const [only] = steps;
  if (steps.length === 1 && only) parts.push(t('wizard:live.stepDone', { step: t(`common:step.${only}`) }));
  else if (steps.length > 1) parts.push(t('wizard:live.stepsDone', { count: steps.length }));
  return parts.join(' ');
}
