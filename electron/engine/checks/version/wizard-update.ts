import { VERSION_CHECK_IDS } from '../../../../shared/check-details/version';
import { z } from 'zod';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { getJson } from '../../clients/stremio/updater-fetch';
import { compareVersions } from '../../clients/stremio/updater-version';

/** GitHub's "latest release" answer (REST `GET /repos/{owner}/{repo}/releases/latest`): the fields we read. */
const LatestRelease = z.object({
  tag_name: z.string().min(1),
  html_url: z.string().optional(),
  published_at: z.string().nullable().optional(),
});
/** A release with long notes and many assets stays well under this. */
const MAX_RELEASE_BYTES = 1024 * 1024;

/** The wizard's own version against its latest GitHub release: an info line, never a failure. */
export const wizardUpdateCheck = defineCheck<undefined>()({
  id: VERSION_CHECK_IDS.wizardUpdate,
  step: 'version',
  dependsOn: [],
  codes: [],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 500,
  async run({ ctx, signal }) {
    const url = ctx.config.endpoints.wizardReleases;
    const current = ctx.version;
    const got = await getJson(ctx.http, {
      url,
      maxBytes: MAX_RELEASE_BYTES,
      // GitHub's documented media type and API version headers.
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      signal,
    });
    if (!got.ok) {
      const why =
        got.status === 404
          ? msg('checks-version:wizard-update.why.notPublished')
          : got.status === 403 || got.status === 429
            ? msg('checks-version:wizard-update.why.rateLimited')
            : got.reason;
      return {
        verdict: 'skipped',
        summary: msg('checks-version:wizard-update.unreadable', { why }),
        details: { current, releases: url, error: got.reason },
      };
    }
    const parsed = LatestRelease.safeParse(got.value);
    const latest = parsed.success ? parsed.data.tag_name : null;
    const order = latest ? compareVersions(current, latest) : null;
    if (!parsed.success || order === null) {
      return {
        verdict: 'skipped',
        summary: msg('checks-version:wizard-update.noVersion'),
        details: { current, releases: url, latest },
      };
    }
    const details = {
      current,
      latest,
      releasePage: parsed.data.html_url ?? null,
      publishedAt: parsed.data.published_at ?? null,
    };
    if (order < 0)
      return {
        verdict: 'warn',
        summary: msg('checks-version:wizard-update.newer', { latest: parsed.data.tag_name, current }),
        details,
      };
    return { verdict: 'pass', summary: msg('checks-version:wizard-update.upToDate', { current }), details };
  },
});
