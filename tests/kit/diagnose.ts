import type { Report } from '../../shared/report';
import { CHECKS } from '../../electron/engine/checks/registry';
import type { AnyCheck, DiagnosisInput } from '../../electron/engine/runtime/check';
import type { EngineContext } from '../../electron/engine/runtime/context';
import { DiagnosisSession, type SessionRunOptions } from '../../electron/engine/session/diagnosis-session';

/** Options of a one-run diagnosis: the session run's options, without a per-run registry. */
export type DiagnoseOptions = Omit<SessionRunOptions, 'checks'>;

/**
 * Runs a diagnosis of `input.steps` as the one run of a fresh session and returns its report (the
 * report of docs/architecture.md "Interfaces"). Tests use it; the window's service keeps one session.
 */
export async function diagnose(
  ctx: EngineContext,
  input: DiagnosisInput,
  options: DiagnoseOptions = {},
  checks: readonly AnyCheck[] = CHECKS,
): Promise<Report> {
  const session = new DiagnosisSession({ records: ctx, checks, steps: input.steps });
  const { steps, ...rest } = input;
  return session.run(ctx, { kind: 'steps', steps }, rest, options);
}
