import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeShown } from '../../electron/engine/core/home-shown';

// One rule for every place that shows a path under the user's home (the cached profile, the cache fix's folders).
describe('homeShown', () => {
  it('shows the home as ~, only for whole folders, with either separator', () => {
    expect(homeShown('/home/al', ['/home/al'])).toBe('~');
    expect(homeShown('/home/al/.cache/x', ['/home/al/'])).toBe(`~${path.sep}.cache/x`);
    expect(homeShown('/home/alice/.cache', ['/home/al'])).toBe('/home/alice/.cache');
    expect(homeShown('C:\\Users\\al\\AppData', [undefined, 'C:\\Users\\al'])).toBe(`~${path.sep}AppData`);
    expect(homeShown('/opt/stremio', ['/home/al'])).toBe('/opt/stremio');
  });
});
