import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLE_LIMITS, writeBundle } from '../../electron/engine/bundle';
import { Logger } from '../../electron/engine/core/log';
import { NetworkTrace } from '../../electron/engine/net/trace';
import { SecretRegistry } from '../../electron/engine/core/secrets';
import { ReportSchema } from '../../shared/report';
import { readZip } from '../kit/read-zip';
import { englishTranslator } from '../../shared/i18n/translator';

// docs/testing.md "Benchmarks": exporting 50 MiB of logs — bounded output, < 2 s, memory growth < 100 MiB, streamed.
const LOG_BYTES = 50 * 1024 * 1024;
const TOKEN = 'bench-secret-token-0123456789';
const MiB = 1024 * 1024;

/** Writes a realistic 50 MiB log (timestamped lines, a registered secret every 500 lines), streamed. */
async function writeBigLog(file: string): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  while (written < LOG_BYTES) {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++, n++) {
      lines.push(
        `2026-11-25T09:${String(n % 60).padStart(2, '0')}:00.000Z INFO probe ${n} https://api.trakt.tv/users/settings → 200 in ${n % 97} ms${n % 500 === 0 ? ` token ${TOKEN}` : ''}`,
      );
    }
    const chunk = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return written;
}

describe('bundle export bench', () => {
  let dir: string;
  let logFile: string;
  let logBytes: number;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'doctor-bundle-bench-'));
    logFile = path.join(dir, 'app.log');
    logBytes = await writeBigLog(logFile);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exports 50 MiB of logs into a bounded bundle in < 2 s with < 100 MiB memory growth', async () => {
    const secrets = new SecretRegistry();
    secrets.add(TOKEN, 'token');
    const report = ReportSchema.parse({
      schemaVersion: 1,
      tool: { name: 'stremio-trakt-doctor', version: '0.0.0-bench' },
      startedAt: new Date().toISOString(),
      durationMs: 1,
      steps: ['connectivity'],
      checks: [],
      findings: [],
      untested: [],
    });
    const ctx = {
      secrets,
      trace: new NetworkTrace(secrets),
      log: new Logger(secrets, Date.now),
      now: Date.now,
      version: '0.0.0-bench',
      platform: process.platform,
      env: {},
      translator: englishTranslator(),
    };
    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 5);
    const started = performance.now();
    const result = await writeBundle({ report, ctx, logFile }, path.join(dir, 'bundle.zip'));
    const ms = performance.now() - started;
    clearInterval(sampler);
    const end = process.memoryUsage();
    peakRss = Math.max(peakRss, end.rss);
    peakHeap = Math.max(peakHeap, end.heapUsed);
    if (!result.ok) throw new Error(result.message);
    const rssGrowth = (peakRss - baseline.rss) / MiB;
    const heapGrowth = (peakHeap - baseline.heapUsed) / MiB;
    const entries = await readZip(result.path);
    const log = entries.find((e) => e.name === 'logs/app.log')!.data.toString('utf8');
    console.log(
      `BENCH bundle export: ${(logBytes / MiB).toFixed(1)} MiB log → ${(result.bytes / MiB).toFixed(2)} MiB zip (log tail ${(Buffer.byteLength(log) / MiB).toFixed(2)} MiB, ${result.manifest.log.lines} lines) in ${ms.toFixed(0)} ms (budget < 2000 ms)`,
    );
    console.log(
      `BENCH bundle export memory: peak RSS growth ${rssGrowth.toFixed(1)} MiB, peak heap growth ${heapGrowth.toFixed(1)} MiB (budget < 100 MiB)`,
    );
    expect(result.bytes).toBeLessThanOrEqual(DEFAULT_BUNDLE_LIMITS.maxTotalBytes);
    expect(log).not.toContain(TOKEN);
    expect(log).toContain('[redacted token]');
    expect(result.manifest.log.truncated).toBe(true);
    expect(ms).toBeLessThan(2000);
    expect(rssGrowth).toBeLessThan(100);
    expect(heapGrowth).toBeLessThan(100);
  });
});
