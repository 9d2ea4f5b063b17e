// A Vitest reporter that prints where the suite's time went — the slowest files and tests — and, in CI,
// fails the run when its wall time exceeds the budget (docs/testing.md "Keeping the suite fast").
import { availableParallelism, loadavg } from 'node:os';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/** The wall-time budget of the whole suite in CI, seconds (`npm test` on CI's 2-core machine). */
export const SUITE_BUDGET_S = 240;
/** The suite itself keeps about two to three processes busy; a load above this many per core is other work. */
const BUSY_LOAD_PER_CORE = 2;
const SHOWN = 10;
/** Runs of fewer files (one folder, one file) print nothing. */
const MIN_FILES = 10;

/** Budget in seconds: `TEST_TIME_BUDGET_S` (0 = never fail), else SUITE_BUDGET_S in CI, else none. */
export function budgetSeconds(env: NodeJS.ProcessEnv): number | null {
  const set = env.TEST_TIME_BUDGET_S;
  if (set !== undefined && set !== '') return Number(set) > 0 ? Number(set) : null;
  return env.CI && env.CI !== 'false' ? SUITE_BUDGET_S : null;
}

/**
 * What an overrun means: `fail` on a machine the suite had to itself; `busy` when the load average says
 * other work shared the cores (a developer machine, a shared runner): then the figure says nothing about the
 * suite, and failing would only make CI flaky.
 */
export function budgetVerdict(
  wallMs: number,
  budgetS: number | null,
  load: number,
  cores: number,
): 'within' | 'fail' | 'busy' {
  if (budgetS === null || wallMs <= budgetS * 1000) return 'within';
  return load > BUSY_LOAD_PER_CORE * cores ? 'busy' : 'fail';
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints the slowest files and tests after every run; fails it when it ran over budget. */
export default class TimingReporter implements Reporter {
  private started = performance.now();
  private log: (text: string) => void = (text) => process.stdout.write(`${text}\n`);

  onInit(vitest: Vitest): void {
    this.log = (text) => vitest.logger.log(text);
  }

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: readonly TestModule[]): void {
    const wallMs = performance.now() - this.started;
    const files = modules.map((module) => {
      const d = module.diagnostic();
      const startMs = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration;
      return { id: module.relativeModuleId, startMs, totalMs: startMs + d.duration };
    });
    const tests = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        name: `${module.relativeModuleId} › ${test.fullName}`,
        ms: test.diagnostic()?.duration ?? 0,
      })),
    );
    const budget = budgetSeconds(process.env);
    const [load1, load5] = loadavg() as [number, number, number];
    const load = Math.max(load1, load5);
    const verdict = budgetVerdict(wallMs, budget, load, availableParallelism());
    if (modules.length < MIN_FILES && verdict === 'within') return;
    this.log(
      `\nTiming: ${modules.length} files in ${seconds(wallMs)} wall${budget ? ` (budget ${budget} s)` : ''}; the slowest files (start-up = environment, imports, setup):`,
    );
    for (const file of files.sort((a, b) => b.totalMs - a.totalMs).slice(0, SHOWN))
      this.log(`  ${seconds(file.totalMs).padStart(7)}  ${file.id}  (start-up ${seconds(file.startMs)})`);
    this.log('The slowest tests:');
    for (const test of tests.sort((a, b) => b.ms - a.ms).slice(0, SHOWN))
      this.log(`  ${seconds(test.ms).padStart(7)}  ${test.name}`);
    const overrun = `The suite took ${seconds(wallMs)}, over its budget of ${budget} s`;
    if (verdict === 'busy')
      this.log(
        `${overrun}, on a busy machine (load ${load.toFixed(1)} on ${availableParallelism()} cores): not failed.`,
      );
    if (verdict === 'fail') {
      this.log(`${overrun}: see docs/testing.md "Keeping the suite fast".`);
      process.exitCode = 1;
    }
  }
}
