// A Vitest reporter that prints where the suite's time went — the slowest files and tests — and, in CI,
// fails the run when its wall time exceeds the budget (docs/testing.md "Keeping the suite fast").
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/** The wall-time budget of the whole suite in CI, seconds (the issue's 240 s for `npm test`). */
export const SUITE_BUDGET_S = 240;
const SHOWN = 10;
/** Runs of fewer files (one folder, one file) print nothing. */
const MIN_FILES = 10;

/** Budget in seconds: `TEST_TIME_BUDGET_S` (0 = never fail), else SUITE_BUDGET_S in CI, else none. */
export function budgetSeconds(env: NodeJS.ProcessEnv): number | null {
  const set = env.TEST_TIME_BUDGET_S;
  if (set !== undefined && set !== '') return Number(set) > 0 ? Number(set) : null;
  return env.CI && env.CI !== 'false' ? SUITE_BUDGET_S : null;
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
      return { id: module.relativeModuleId, startMs, testsMs: d.duration, totalMs: startMs + d.duration };
    });
    const tests = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        name: `${module.relativeModuleId} › ${test.fullName}`,
        ms: test.diagnostic()?.duration ?? 0,
      })),
    );
    const budget = budgetSeconds(process.env);
    const over = budget !== null && wallMs > budget * 1000;
    if (modules.length < MIN_FILES && !over) return;
    this.log(
      `\nTiming: ${modules.length} files in ${seconds(wallMs)} wall${budget ? ` (budget ${budget} s)` : ''}; the slowest files (start-up = environment, imports, setup):`,
    );
    for (const file of files.sort((a, b) => b.totalMs - a.totalMs).slice(0, SHOWN))
      this.log(`  ${seconds(file.totalMs).padStart(7)}  ${file.id}  (start-up ${seconds(file.startMs)})`);
    this.log('The slowest tests:');
    for (const test of tests.sort((a, b) => b.ms - a.ms).slice(0, SHOWN))
      this.log(`  ${seconds(test.ms).padStart(7)}  ${test.name}`);
    if (over) {
      this.log(`The suite took ${seconds(wallMs)}, over its budget of ${budget} s: see docs/testing.md.`);
      process.exitCode = 1;
    }
  }
}
