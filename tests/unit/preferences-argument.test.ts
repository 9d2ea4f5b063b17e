import { describe, expect, it } from 'vitest';
import { preferencesArgument, readPreferencesArgument } from '../../shared/preferences-argument';

// The preload trusts nothing on its command line: only a shipped language and a known theme come through.
describe('the preferences argument', () => {
  it('carries the saved choices to the preload', () => {
    const argv = ['/opt/app/electron', '--type=renderer', preferencesArgument({ locale: 'pt-BR', theme: 'dark' })];
    expect(readPreferencesArgument(argv)).toEqual({ locale: 'pt-BR', theme: 'dark' });
    expect(readPreferencesArgument([preferencesArgument({})])).toEqual({});
  });

  it.each([
    ['no argument', []],
    ['not JSON', ['--doctor-preferences=%7Bnot']],
    ['not an object', [`--doctor-preferences=${encodeURIComponent('"de"')}`]],
    ['an unknown language and theme', [`--doctor-preferences=${encodeURIComponent('{"locale":"xx","theme":"neon"}')}`]],
  ])('leaves the choices to the OS on %s', (_what, argv) => {
    expect(readPreferencesArgument(argv)).toEqual({});
  });

  it('keeps the valid half of a half-valid argument', () => {
    const argv = [`--doctor-preferences=${encodeURIComponent('{"locale":"fr","theme":"neon"}')}`];
    expect(readPreferencesArgument(argv)).toEqual({ locale: 'fr' });
  });
});
