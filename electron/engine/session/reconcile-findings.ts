import type { Translator } from '../../../shared/i18n/translator';
import { isMessage, type Message, type MessageParam } from '../../../shared/i18n/message';
import { PROBLEMS, type ProblemCode } from '../../../shared/problems';
import type { CheckResult } from '../../../shared/report';
import { SEVERITY_RANK, type Severity } from '../../../shared/severity';
import type { SecretRegistry } from '../core/secrets';
import type { CompletedCheck, ProblemObservation } from '../runtime/check';
import { NETWORK_RULES } from './reconcile-network';
import type { ReconcileRule, Reconciliation } from './reconciliation';
import { LINK_RULES } from './reconcile-link';

/*
 * Findings agree with each other (docs/architecture.md "Findings agree"). Each check judges what it saw
 * alone; only the session sees every latest result together. Before any surface reads the session's
 * report, the rules here weigh one check's observation against the others' evidence: severity follows the
 * evidence (a redirected portal probe while every service answers over trusted TLS is not critical), and no
 * check keeps a verdict another check's evidence contradicts. Each change says why in the evidence.
 */

/** Every rule, in the order they apply (the clock's reading of the link before the link's own). */
const RULES: readonly ReconcileRule[] = [...NETWORK_RULES, ...LINK_RULES];

/** What re-saying an amended sentence needs: the run's language and the session's secrets. */
export interface ReconcileSay {
  readonly translator: Translator;
  readonly secrets: SecretRegistry;
}

/**
 * The session's latest results with the findings reconciled across checks: the same checks in the same order,
 * each amended result re-said in the run's language and redacted like the scheduler's.
 */
export function reconcileFindings(
  completed: readonly CompletedCheck[],
  say: ReconcileSay,
  rules: readonly ReconcileRule[] = RULES,
): CompletedCheck[] {
  const byId = new Map(completed.map((c) => [c.result.id, { ...c, observations: [...c.observations] }]));
  const changed = new Set<string>();
  const mapObservations = (code: ProblemCode, map: (o: ProblemObservation) => ProblemObservation | null) => {
    for (const entry of byId.values()) {
      if (!entry.observations.some((o) => o.code === code)) continue;
      entry.observations = entry.observations.flatMap((o) => (o.code === code ? (map(o) ?? []) : [o]));
      changed.add(entry.result.id);
    }
  };
  const setResult = (id: string, update: (r: CheckResult) => Partial<CheckResult>) => {
    const entry = byId.get(id);
    if (!entry) return;
    entry.result = { ...entry.result, ...update(entry.result) };
    changed.add(id);
  };
  const session: Reconciliation = {
    result: (id) => byId.get(id)?.result,
    observed: (code) =>
      [...byId.values()].flatMap((c) =>
        c.observations.filter((o) => o.code === code).map((observation) => ({ check: c.result.id, observation })),
      ),
    cap: (code, severity, because) =>
      mapObservations(code, (o) =>
        SEVERITY_RANK[severityOf(o)] < SEVERITY_RANK[severity]
          ? { ...o, severity, evidence: `${o.evidence}; ${because}` }
          : o,
      ),
    raise: (code, severity, because, check) => {
      mapObservations(code, (o) => (SEVERITY_RANK[severityOf(o)] > SEVERITY_RANK[severity] ? { ...o, severity } : o));
      const entry = [...byId.values()].find((c) => c.observations.some((o) => o.code === code));
      if (entry) entry.observations.push({ code, evidence: `${check}: ${because}`, severity, confidence: 0.9 });
    },
    add: (check, observation) => {
      const entry = byId.get(check);
      if (!entry) return;
      entry.observations.push(observation);
      changed.add(check);
    },
    drop: (code) => mapObservations(code, () => null),
    reassign: (from, to, because) =>
      mapObservations(from, (o) => {
        const { alsoPossible, severity, ...rest } = o;
        void severity;
        const others = alsoPossible?.filter((c) => c !== to);
        return {
          ...rest,
          code: to,
          evidence: `${o.evidence}; ${because}`,
          ...(others?.length ? { alsoPossible: others } : {}),
        };
      }),
    restate: (id, verdict, summary) => setResult(id, () => ({ verdict, message: summary })),
    reword: (id, from, to) => setResult(id, (r) => (r.message ? { message: rekey(r.message, from, to) } : {})),
  };
  for (const rule of rules) rule(session);
  return completed.map((original) => {
    const id = original.result.id;
    const entry = byId.get(id)!;
    if (!changed.has(id)) return original;
    const message = entry.result.message;
    return {
      ...entry,
      result: {
        ...entry.result,
        problems: [...new Set(entry.observations.map((o) => o.code))],
        ...(message ? { summary: say.secrets.redact(say.translator.text(message)) } : {}),
      },
    };
  });
}

function severityOf(observation: ProblemObservation): Severity {
  return observation.severity ?? PROBLEMS[observation.code].severity;
}

/** `message` with every nested message keyed `from` keyed `to` (same parameters). */
function rekey(message: Message, from: string, to: string): Message {
  const params = message.params
    ? Object.fromEntries(
        Object.entries(message.params).map(([name, value]): [string, MessageParam] => [
          name,
          isMessage(value) ? rekey(value, from, to) : value,
        ]),
      )
    : undefined;
  return { key: message.key === from ? to : message.key, ...(params ? { params } : {}) };
}
