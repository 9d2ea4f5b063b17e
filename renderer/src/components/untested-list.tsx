import type { Report } from '../../../shared/report';
import { checkTitleText } from '../../../shared/i18n/report-text';
import { useTr } from '../i18n/use-tr';
import { untestedGroups, type UntestedGroup } from '../lib/untested-groups';
import { useWizard } from '../store/use-wizard';
import { SignInLine } from './sign-in-line';

/** One group of untested checks: its reason once, the checks it stopped, and its one action. */
function GroupLine({ group }: { readonly group: Exclude<UntestedGroup, { kind: 'sign-in' }> }) {
  const { t, tr } = useTr();
  const goTo = useWizard((s) => s.goTo);
  const runStep = useWizard((s) => s.runStep);
  if (group.kind === 'not-run') {
    const steps = group.steps.map((s) => t(`common:step.${s}`));
    return (
      <li data-group="not-run">
        <p>{t('wizard:summary.notRun', { steps })}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => group.steps.forEach((step) => void runStep(step))}
        >
          {t('wizard:summary.runThem', { count: group.steps.length })}
        </button>
      </li>
    );
  }
  const { reason, checks } = group;
  const [first] = checks;
  const said = reason.message ? tr.text(reason.message) : (first?.summary ?? '');
  const titles = checks.map((c) => checkTitleText(c, tr));
  return (
    <li data-group="reason" data-count={checks.length}>
      <p>
        <strong>{t('wizard:summary.checksNamed', { titles })}</strong> {said}
      </p>
      <button type="button" className="button button-secondary" onClick={() => goTo(reason.step)}>
        {t('wizard:summary.openStep', { step: t(`common:step.${reason.step}`) })}
      </button>
    </li>
  );
}

/** "What we could not test": one line per reason (the sign-in first), each with its one action. */
export function UntestedList({ report, primary }: { readonly report: Report; readonly primary: boolean }) {
  const { t } = useTr();
  const groups = untestedGroups(report);
  if (groups.length === 0) return null;
  return (
    <section className="untested" aria-labelledby="summary-untested" data-testid="untested">
      <h3 className="section-title" id="summary-untested">
        {t('wizard:summary.untested')}
      </h3>
      {groups.map((group) =>
        group.kind === 'sign-in' ? (
          <SignInLine key="sign-in" count={group.checks.length} onTokenStep={false} primary={primary} />
        ) : null,
      )}
      <ul className="untested-groups">
        {groups.map((group, i) => (group.kind === 'sign-in' ? null : <GroupLine key={i} group={group} />))}
      </ul>
    </section>
  );
}
