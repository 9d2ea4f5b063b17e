import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// The release and CI workflows cannot run here; this checks what they promise (SECURITY.md "Release
// pipeline"; issue 20 N7): the triggers, least privilege (write only where the release is published), actions
// pinned by commit, the CI image by digest and npm by exact version, no checkout keeping credentials, no
// lifecycle script but Electron's own installer, the app built once in a job without signing secrets and only
// packaged (and signed) where the secrets are, SHA256SUMS.txt beside the installers, Dependabot with a
// cooldown for npm, actions and the image. Shell steps that need no network run here for real.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// js-yaml ships with electron-builder (no types of its own): typed here as far as the test reads it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}
interface Job {
  readonly 'runs-on': string;
  readonly container?: string;
  readonly needs?: string[] | string;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly outputs?: Record<string, string>;
  readonly strategy?: { matrix: { os: string[] } };
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const workflowText = (name: string): string => read(`.github/workflows/${name}`);
const workflow = (name: string): Workflow => yaml.load(workflowText(name)) as Workflow;
const runs = (job: Job): string => job.steps.map((s) => s.run ?? '').join('\n');
const WORKFLOWS = ['release.yml', 'ci.yml'];
const SIGNING = [
  'CSC_LINK',
  'CSC_KEY_PASSWORD',
  'WIN_CSC_LINK',
  'WIN_CSC_KEY_PASSWORD',
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
];
/** The image .ci/Dockerfile pins (the one place the CI image is named). */
const pinnedImage = (): string => /^FROM (\S+)$/m.exec(read('.ci/Dockerfile'))?.[1] ?? '';

/** Runs a step's shell script in `cwd` as Actions would (bash -e), with GITHUB_OUTPUT; returns the outputs written. */
function runStep(step: Step, cwd: string): Record<string, string> {
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'doctor-step-')), 'output');
  writeFileSync(output, '');
  execFileSync('bash', ['-e', '-c', step.run ?? ''], {
    cwd,
    env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output },
    stdio: 'pipe',
  });
  return Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('every workflow', () => {
  it('pins every action by full commit SHA, with the tag it stands for', () => {
    for (const name of WORKFLOWS) {
      const uses = [...workflowText(name).matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, name).toBeGreaterThan(0);
      for (const [, ref, comment] of uses) {
        expect(ref, `${name}: ${ref}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, `${name}: ${ref}`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
      }
    }
  });

  it('checks out without keeping credentials', () => {
    for (const name of WORKFLOWS)
      for (const [job, { steps }] of Object.entries(workflow(name).jobs))
        for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
          expect(step.with?.['persist-credentials'], `${name} ${job}`).toBe(false);
  });

  it('installs npm by exact version, without its scripts, the same version everywhere', () => {
    const versions = new Set<string>();
    for (const name of WORKFLOWS) {
      const wf = workflow(name);
      for (const [jobName, job] of Object.entries(wf.jobs)) {
        const version = job.env?.NPM_VERSION ?? wf.env?.NPM_VERSION;
        for (const line of runs(job)
          .split('\n')
          .filter((l) => /npm (install|i) -g/.test(l))) {
          expect(line, `${name} ${jobName}`).toBe('npm install -g --ignore-scripts npm@${{ env.NPM_VERSION }}');
          expect(version, `${name} ${jobName}`).toMatch(/^\d+\.\d+\.\d+$/);
          versions.add(version!);
        }
      }
    }
    expect(versions.size).toBe(1);
  });

  it('runs the CI image by the digest .ci/Dockerfile pins: the image job reads it, the container jobs use it', () => {
    expect(pinnedImage()).toMatch(/^node:20-bookworm@sha256:[0-9a-f]{64}$/);
    for (const name of WORKFLOWS) {
      const { jobs } = workflow(name);
      const image = jobs.image!;
      expect(image.outputs?.ref, name).toBe('${{ steps.from.outputs.ref }}');
      // The image job's own step, run here against the repository: it yields exactly the pinned image.
      expect(
        runStep(
          image.steps.find((s) => s.id === 'from')!,
          root,
        ),
        name,
      ).toEqual({ ref: pinnedImage() });
      const containers = Object.entries(jobs).filter(([, job]) => job.container !== undefined);
      expect(containers.length, name).toBeGreaterThan(0);
      for (const [jobName, job] of containers) {
        expect(job.container, `${name} ${jobName}`).toBe('${{ needs.image.outputs.ref }}');
        expect([job.needs].flat(), `${name} ${jobName}`).toContain('image');
      }
      expect(workflowText(name), name).not.toMatch(/container:\s*node:/);
    }
  });

  it('refuses a Dockerfile whose image is not pinned by digest (the image job fails)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-dockerfile-'));
    execFileSync('mkdir', ['-p', path.join(dir, '.ci')]);
    writeFileSync(path.join(dir, '.ci/Dockerfile'), 'FROM node:20-bookworm\n');
    const step = workflow('ci.yml').jobs.image!.steps.find((s) => s.id === 'from')!;
    expect(() => runStep(step, dir)).toThrow();
  });
});

describe('release workflow', () => {
  const release = workflow('release.yml');

  it('runs on v* tags; no permission by default, each job only what it needs, write only where it publishes', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({});
    expect(Object.keys(release.jobs).sort()).toEqual([
      'bundle',
      'electron-smoke',
      'image',
      'package',
      'publish',
      'test',
    ]);
    for (const [name, job] of Object.entries(release.jobs))
      expect(job.permissions, name).toEqual(name === 'publish' ? { contents: 'write' } : { contents: 'read' });
  });

  it('tests on Debian first, smoke-tests Electron under xvfb, then packages on all three OSes', () => {
    expect(runs(release.jobs.test!)).toContain('bash .ci/run');
    const smoke = runs(release.jobs['electron-smoke']!);
    expect(smoke).toMatch(/xvfb-run .*npx vitest run tests\/e2e\/electron-smoke\.test\.ts/);
    // The smoke test skips itself without a binary: the release insists on one first.
    expect(smoke.indexOf("require('electron')")).toBeGreaterThan(-1);
    expect(smoke.indexOf("require('electron')")).toBeLessThan(smoke.indexOf('xvfb-run'));
    const pack = release.jobs.package!;
    expect(pack.needs).toEqual(['test', 'electron-smoke', 'bundle']);
    expect(pack.strategy?.matrix.os.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    for (const job of [pack, release.jobs.bundle!, release.jobs['electron-smoke']!]) {
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
      // The real Electron binary is downloaded there: never skipped.
      expect(JSON.stringify(job)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    }
  });

  it("installs without lifecycle scripts; only the smoke test runs Electron's own installer (the approved script)", () => {
    for (const name of ['electron-smoke', 'bundle', 'package']) {
      const script = runs(release.jobs[name]!);
      const installs = script
        .split('\n')
        .filter((line) => /\bnpm (ci|install|i)\b(?! -g --ignore-scripts npm@)/.test(line));
      expect(installs.length, name).toBeGreaterThan(0);
      for (const line of installs) expect(line, name).toMatch(/^npm ci --ignore-scripts\b/);
      // No other way to run package scripts: no rebuild, no install-scripts, no npm run or exec.
      expect(script, name).not.toMatch(/npm rebuild|install-scripts|npm run |npm exec/);
    }
    const smoke = runs(release.jobs['electron-smoke']!);
    expect(smoke.indexOf('node node_modules/electron/install.js')).toBeGreaterThan(
      smoke.indexOf('npm ci --ignore-scripts'),
    );
    expect(runs(release.jobs.bundle!)).not.toContain('node_modules/electron/install.js');
    expect(runs(release.jobs.package!)).not.toContain('node_modules/electron/install.js');
  });

  it('builds the app once where no signing secret is, and signs only in a job that receives the built app', () => {
    const bundle = release.jobs.bundle!;
    const bundleStep = bundle.steps.find((s) => s.run === 'node build/scripts/build.mjs')!;
    // build.mjs reads the id from the environment (it is baked in at build time, not read at run time).
    expect(bundleStep.env?.TRAKT_CLIENT_ID).toBe('${{ secrets.TRAKT_CLIENT_ID }}');
    expect(read('build/scripts/build.mjs')).toContain('process.env.TRAKT_CLIENT_ID');
    expect(JSON.stringify(bundle)).not.toMatch(new RegExp(SIGNING.join('|')));
    const upload = bundle.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with).toMatchObject({ name: 'app-bundle', 'if-no-files-found': 'error' });

    const pack = release.jobs.package!;
    const script = runs(pack);
    // The signing job builds nothing: the app arrives as the bundle job's artifact, before electron-builder runs.
    expect(script).not.toContain('build/scripts/build.mjs');
    const download = pack.steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact'));
    const builder = pack.steps.findIndex(
      (s) => s.run === 'npx electron-builder --config build/electron-builder.yml --publish never',
    );
    expect(pack.steps[download]?.with).toMatchObject({ name: 'app-bundle', path: 'out' });
    expect(download).toBeGreaterThan(-1);
    expect(builder).toBeGreaterThan(download);
    expect(script).not.toContain('--publish always');
    expect(JSON.stringify(pack)).not.toContain('GITHUB_TOKEN');
    // Signing secrets: in the one step that signs, never in a job's environment (every step would see them).
    for (const [name, job] of Object.entries(release.jobs))
      expect(
        Object.keys(job.env ?? {}).filter((k) => SIGNING.includes(k)),
        name,
      ).toEqual([]);
    const signing = Object.values(release.jobs).flatMap((job) =>
      job.steps.filter((s) => SIGNING.some((k) => s.env?.[k] !== undefined)),
    );
    expect(signing).toEqual([pack.steps[builder]]);
    expect(pack.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))).toBeDefined();
  });

  it('publishes a draft with every installer and SHA256SUMS.txt; the publish job runs nothing of the project', () => {
    const publish = release.jobs.publish!;
    expect(publish.needs).toEqual(['package']);
    expect(publish.steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
    expect(publish.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))).toBeDefined();
    expect(runs(publish)).toMatch(/gh release create "\$GITHUB_REF_NAME" --draft --verify-tag [^\n]* release\/\*/);
    expect(JSON.stringify(publish)).not.toMatch(new RegExp(SIGNING.join('|')));
    expect(JSON.stringify(publish)).not.toContain('npm');
  });

  it('SHA256SUMS.txt lists every installer, and only installers, as sha256sum -c and shasum -c read it', () => {
    const sums = release.jobs.publish!.steps.find(
      (s) => s.run?.includes('SHA256SUMS.txt > ') || s.run?.includes('> SHA256SUMS.txt'),
    )!;
    expect(sums['working-directory']).toBe('release');
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-sums-'));
    const installers = [
      'app-1.0.0-setup.exe',
      'app-1.0.0-arm64.dmg',
      'app-1.0.0-x86_64.AppImage',
      'app-1.0.0-amd64.deb',
    ];
    for (const [i, name] of installers.entries()) writeFileSync(path.join(dir, name), `installer ${i}`);
    for (const other of ['latest.yml', 'latest-mac.yml', 'app-1.0.0-setup.exe.blockmap'])
      writeFileSync(path.join(dir, other), 'x');
    runStep(sums, dir);
    const lines = readFileSync(path.join(dir, 'SHA256SUMS.txt'), 'utf8').trim().split('\n');
    expect(lines.map((line) => line.replace(/^[0-9a-f]{64} {2}/, '')).sort()).toEqual([...installers].sort());
    execFileSync('sha256sum', ['-c', 'SHA256SUMS.txt'], { cwd: dir, stdio: 'pipe' });
    // A tampered download fails the check.
    writeFileSync(path.join(dir, installers[0]!), 'tampered');
    expect(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS.txt'], { cwd: dir, stdio: 'pipe' })).toThrow();
    // No installer at all is an error, not an empty list.
    expect(() => runStep(sums, mkdtempSync(path.join(tmpdir(), 'doctor-sums-empty-')))).toThrow();
  });
});

describe('Dependabot', () => {
  it('watches npm, the GitHub Actions and the CI image, each with a cooldown', () => {
    const config = yaml.load(read('.github/dependabot.yml')) as {
      version: number;
      updates: {
        'package-ecosystem': string;
        directory: string;
        schedule: { interval: string };
        cooldown?: { 'default-days'?: number };
      }[];
    };
    expect(config.version).toBe(2);
    const byEcosystem = Object.fromEntries(config.updates.map((u) => [u['package-ecosystem'], u]));
    expect(Object.keys(byEcosystem).sort()).toEqual(['docker', 'github-actions', 'npm']);
    expect(byEcosystem.npm!.directory).toBe('/');
    expect(byEcosystem['github-actions']!.directory).toBe('/');
    // The docker ecosystem reads the Dockerfile the workflows take their image from.
    expect(byEcosystem.docker!.directory).toBe('/.ci');
    for (const update of config.updates) {
      expect(['daily', 'weekly', 'monthly']).toContain(update.schedule.interval);
      expect(update.cooldown?.['default-days'], update['package-ecosystem']).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('CI workflow and .ci/run', () => {
  it('runs .ci/run on pull requests in the pinned Debian Node 20 image', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toContain('pull_request');
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(runs(ci.jobs.ci!)).toContain('bash .ci/run');
  });

  it('.ci/run is strict bash: chromium when missing, npm ci without scripts, prepare, typecheck, lint, npm test', () => {
    const file = path.join(root, '.ci/run');
    const script = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o111).not.toBe(0);
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    expect(script).toContain('export ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(script).toMatch(/apt-get update\n[\s\S]{0,200}apt-get install -y [^\n]*chromium/);
    const order = ['npm ci --ignore-scripts', 'npm run prepare', 'npm run typecheck', 'npm run lint', 'npm test'].map(
      (command) => script.indexOf(`\n${command}`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(script.match(/^npm (ci|install|i)\b.*$/gm)).toEqual(['npm ci --ignore-scripts --no-audit --no-fund']);
  });

  it("no dependency's install script is needed: the lockfile holds only the two reviewed ones, which CI skips", () => {
    // A new package with an install script fails here: review whether the project needs it (.ci/run says why not).
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([name]) => name.replace(/^.*node_modules\//, ''));
    expect(withScripts.sort()).toEqual(['electron-winstaller', 'es5-ext']);
    for (const name of withScripts) expect(read('.ci/run')).toContain(name);
    // Electron has no install script of its own: its binary comes from `install-electron`, run by name.
    expect(JSON.parse(read('node_modules/electron/package.json')).scripts?.postinstall).toBeUndefined();
  });
});
