import * as z from 'zod/mini';
import { msg } from '../../shared/i18n/message';
import { defineCheck } from '../../electron/engine/runtime/check';

/*
 * A check reads only the handles in its `dependsOn`, typed from their runs, and returns a window-only payload only
 * with its schema (docs/architecture.md "Checks"). `npm run typecheck` compiles this file: each `@ts-expect-error`
 * line must fail, so the type check fails the day the typing lets one through. Never run; only compiled.
 */

const summary = msg('checks-token:pkce-evidence.confirmed');
const base = { step: 'token', codes: [], budgetMs: () => 1000 } as const;

const counts = defineCheck<{ readonly n: number }>()({
  ...base,
  id: 'token.counts',
  dependsOn: [],
  run: async () => ({ verdict: 'pass', summary, data: { n: 1 } }),
});
/** The same data type as `counts`, another check: handles are not interchangeable. */
const otherCounts = defineCheck<{ readonly n: number }>()({
  ...base,
  id: 'token.other-counts',
  dependsOn: [],
  run: async () => ({ verdict: 'pass', summary, data: { n: 2 } }),
});
const flag = defineCheck<boolean>()({
  ...base,
  id: 'token.flag',
  dependsOn: [],
  run: async () => ({ verdict: 'pass', summary, data: true }),
});

export const reader = defineCheck()({
  ...base,
  id: 'token.reader',
  dependsOn: [counts, flag],
  async run({ deps }) {
    const n: number | undefined = deps.get(counts)?.n;
    const on: boolean | undefined = deps.get(flag);
    // @ts-expect-error the data of `counts` is no string
    const wrong: string | undefined = deps.get(counts);
    // @ts-expect-error `otherCounts` is not in dependsOn, though its data has the same type
    deps.get(otherCounts);
    return { verdict: n === 1 && on && !wrong ? 'pass' : 'warn', summary };
  },
});

export const lonely = defineCheck()({
  ...base,
  id: 'token.lonely',
  dependsOn: [],
  async run({ deps }) {
    // @ts-expect-error a check without dependencies reads none
    deps.get(counts);
    return { verdict: 'pass', summary };
  },
});

const View = z.object({ titles: z.array(z.string()) });

export const viewer = defineCheck<undefined, object, z.infer<typeof View>>()({
  ...base,
  id: 'token.viewer',
  dependsOn: [],
  windowOnly: View,
  run: async () => ({ verdict: 'pass', summary, windowOnly: { titles: ['Arriving'] } }),
});

export const unschemed = defineCheck()({
  ...base,
  id: 'token.unschemed',
  dependsOn: [],
  // @ts-expect-error a window-only payload needs its schema's type (defineCheck's third type argument)
  run: async () => ({ verdict: 'pass', summary, windowOnly: { titles: ['Arriving'] } }),
});
