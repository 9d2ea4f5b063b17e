import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

/** `as any` is never the answer (every file). */
const NO_AS_ANY = { selector: 'TSAsExpression > TSAnyKeyword', message: 'No `as any`: type it.' };
/** The engine and shared code never import Electron (docs/architecture.md "Layers"). */
const NO_ELECTRON = { name: 'electron', message: 'The engine and shared code are plain Node / platform-free.' };
/** Clients return facts; outcomes, problem codes and check messages are decided in checks/ (docs/architecture.md "Layers"). */
const CLIENTS_SAY_FACTS =
  'A client returns facts; the check decides its messages. A client failure says a `clients:` key.';

export default tseslint.config(
  // tests/fixtures/lint/ is deliberately bad code that tests/unit/lint-rules.test.ts runs the rules on.
  { ignores: ['out/**', 'release/**', 'artifacts/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', NO_AS_ANY],
    },
  },
  {
    // The engine never imports Electron (docs/architecture.md "Layers").
    files: ['electron/engine/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_ELECTRON] }],
    },
  },
  {
    // Judgement lives in checks/: a client names no `checks-*` locale key (its failures say `clients:` keys). Its
    // imports of problem codes and outcomes are refused by dependency-cruiser (`clients-say-facts`).
    files: ['electron/engine/clients/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_AS_ANY,
        { selector: 'Literal[value=/^checks-/]', message: CLIENTS_SAY_FACTS },
        { selector: 'TemplateElement[value.raw=/^checks-/]', message: CLIENTS_SAY_FACTS },
      ],
    },
  },
  {
    // The renderer never imports Node or Electron: everything goes through window.doctor.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'fs', 'path', 'child_process', '**/electron/**'],
              message: 'The renderer uses only window.doctor (shared/ipc).',
            },
          ],
        },
      ],
    },
  },
  {
    // Every text the window shows comes from the locale files (docs/i18n.md): JSX text and the attributes a
    // person reads or hears are never literal. Symbols, the product name and code-like tokens are not words.
    files: ['renderer/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-roledescription',
              'aria-valuetext',
              'title',
              'placeholder',
              'alt',
              'label',
            ],
          },
          words: { exclude: [/^[\p{S}\p{P}\s\d]*$/u, /^(Stremio Trakt Doctor|Stremio|Trakt)$/u, /^https?:\/\/\S+$/u] },
          // Request lines, addresses and ids in <code> are what the program sends, the same in every language.
          'jsx-components': { exclude: ['Trans', 'code'] },
        },
      ],
    },
  },
  {
    files: ['build/scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
