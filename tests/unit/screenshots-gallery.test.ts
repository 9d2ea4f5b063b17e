import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WIZARD_PAGES } from '../../renderer/src/lib/pages';
import {
  GALLERY_DIR,
  SHOT_THEMES,
  SHOT_WINDOW,
  galleryFiles,
  galleryMarkdown,
  pageShotFile,
} from '../screenshots/gallery';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const onDisk = readdirSync(path.join(root, GALLERY_DIR)).filter((f) => f.endsWith('.png'));

/** A PNG's width and height from its IHDR chunk (bytes 16–23, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const head = readFileSync(path.join(root, GALLERY_DIR, file)).subarray(0, 24);
  expect(head.subarray(12, 16).toString('latin1'), `${file} is a PNG`).toBe('IHDR');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

// On failure: run `npm run screenshots` (it rewrites docs/screenshots/ and the README's gallery) and commit both.
describe('the screenshot gallery (README.md ↔ docs/screenshots/ ↔ tests/screenshots/)', () => {
  it('has every page in a light and a dark picture', () => {
    for (const page of WIZARD_PAGES)
      for (const theme of SHOT_THEMES) expect(onDisk, `${page} ${theme}`).toContain(pageShotFile(page, theme));
  });

  it('holds exactly the PNGs the screenshots spec writes', () => {
    expect([...onDisk].sort()).toEqual([...galleryFiles()].sort());
  });

  it('shows the README gallery the spec generates, and every picture it names exists', () => {
    expect(readme.includes(galleryMarkdown()), 'README.md shows the gallery tests/screenshots/gallery.ts renders').toBe(
      true,
    );
    const referenced = [...readme.matchAll(/docs\/screenshots\/([^)"\s]+\.png)/g)].map((m) => m[1]!);
    for (const file of galleryFiles()) expect(referenced, file).toContain(file);
    for (const file of referenced) expect(onDisk, `README names ${file}`).toContain(file);
  });

  it('pictures the window as a user sees it (its default size, not a full-page strip)', () => {
    for (const file of onDisk) expect(pngSize(file), file).toEqual(SHOT_WINDOW);
  });
});
