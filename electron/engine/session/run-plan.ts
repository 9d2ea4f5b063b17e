import type { StepName } from '../../../shared/steps';
import type { AnyCheck, CompletedCheck } from '../runtime/check';

/** Which checks a session run starts. */
export type RunScope =
  /** Every check of these steps (an interactive check only when the session holds no result for it yet). */
  | { readonly kind: 'steps'; readonly steps: readonly StepName[] }
  /** A check and every check that depends on it, directly or not, in the steps the session has run. */
  | { readonly kind: 'dependents'; readonly of: string }
  /**
   * These checks (an interactive check the user started), and every held result that reads theirs: a
   * result built on the old one would be stale (the PKCE evidence of docs/sign-in-chain.md).
   */
  | { readonly kind: 'checks'; readonly ids: readonly string[] };

/** What one run will do: the checks it runs (registry order), the kept results it reuses, the steps it covers. */
export interface RunPlan {
  /** The checks asked for: their results replace the session's. */
  readonly asked: ReadonlySet<string>;
  /** Everything the run starts: the asked checks and the dependencies it cannot reuse. */
  readonly run: readonly AnyCheck[];
  /** Kept results of dependencies the run reads instead of running them again. */
  readonly reused: ReadonlyMap<string, CompletedCheck>;
  /** The steps the asked checks belong to (a `steps` scope names its steps even when one has no check). */
  readonly steps: readonly StepName[];
}

/** What the planner knows of the session. */
export interface PlanState {
  readonly kept: ReadonlyMap<string, CompletedCheck>;
  readonly ranSteps: ReadonlySet<StepName>;
  /** True when the run brings credentials: the checks that read them run again rather than being reused. */
  readonly freshInput: boolean;
}

/** Every check that depends on `id`, directly or through other checks, read from the registry's `dependsOn`. */
export function dependentsOf(checks: readonly AnyCheck[], id: string): Set<string> {
  const found = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const check of checks)
      if (!found.has(check.id) && check.dependsOn.some((dep) => found.has(dep.id))) {
        found.add(check.id);
        grew = true;
      }
  }
  return found;
}

/** A kept result a later run may build on: it finished with a verdict, it was not skipped or cut short. */
function reusable(kept: CompletedCheck | undefined): kept is CompletedCheck {
  return kept !== undefined && kept.result.verdict !== 'skipped' && kept.result.verdict !== 'error';
}

function askedIds(checks: readonly AnyCheck[], scope: RunScope, state: PlanState): Set<string> {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const unknown = (id: string) => {
    if (!byId.has(id)) throw new Error(`no check ${id} in the registry`);
  };
  switch (scope.kind) {
    case 'steps':
      // A background check (the incidents feed) runs beside every run of steps, whatever they are.
      return new Set(
        checks
          .filter((c) => c.background || (scope.steps.includes(c.step) && !(c.interactive && state.kept.has(c.id))))
          .map((c) => c.id),
      );
    case 'dependents': {
      unknown(scope.of);
      const root = byId.get(scope.of);
      const shown = new Set(state.ranSteps);
      if (root) shown.add(root.step);
      // A check that also runs without its dependencies (the pasted address) already has its result and
      // keeps it: re-running it with this run's input would drop what it was given before. An interactive
      // check the session holds keeps its result too: it runs again only when the user asks.
      return new Set(
        [...dependentsOf(checks, scope.of)].filter((id) => {
          const check = byId.get(id);
          return (
            shown.has(check?.step as StepName) &&
            !check?.runsWhenDepsSkipped &&
            !(check?.interactive && state.kept.has(id))
          );
        }),
      );
    }
    case 'checks': {
      scope.ids.forEach(unknown);
      const readers = scope.ids.flatMap((id) => [...dependentsOf(checks, id)]);
      return new Set([...scope.ids, ...readers.filter((id) => state.kept.has(id))]);
    }
  }
}

/**
 * Plans a run: the asked checks, plus each dependency they need that the session cannot reuse (none
 * kept, or kept skipped/failed to finish, or the run brings new credentials). Kept dependencies are read,
 * not run again: re-running Revoked access does not sign in to Stremio again.
 */
export function planRun(checks: readonly AnyCheck[], scope: RunScope, state: PlanState): RunPlan {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const asked = askedIds(checks, scope, state);
  const included = new Set<string>();
  const reused = new Map<string, CompletedCheck>();
  const visit = (id: string) => {
    if (included.has(id)) return;
    const check = byId.get(id);
    if (!check) throw new Error(`a check depends on unknown check ${id}`);
    included.add(id);
    for (const { id: dep } of [...check.dependsOn, ...(check.consults ?? [])]) {
      // Waiting for a background check would put it on the run's critical path.
      if (byId.get(dep)?.background) throw new Error(`check ${id} depends on background check ${dep}`);
    }
    for (const { id: dep } of check.dependsOn) {
      const kept = state.kept.get(dep);
      if (!asked.has(dep) && !state.freshInput && reusable(kept)) reused.set(dep, kept);
      else visit(dep);
    }
  };
  asked.forEach(visit);
  // A consulted check is read as the session holds it (whatever its verdict) unless this run runs it: an
  // interactive check never drags further checks into its run.
  for (const id of included)
    for (const { id: consulted } of byId.get(id)?.consults ?? []) {
      const kept = state.kept.get(consulted);
      if (!included.has(consulted) && kept) reused.set(consulted, kept);
    }
  const steps =
    scope.kind === 'steps' ? [...scope.steps] : [...new Set(checks.filter((c) => asked.has(c.id)).map((c) => c.step))];
  return { asked, run: checks.filter((c) => included.has(c.id)), reused, steps };
}
