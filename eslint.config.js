// ESLint flat config. typescript-eslint needs TypeScript's JS API, so the project stays on
// TypeScript 5.x (TypeScript 7's native compiler has none yet).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const engineBans = {
  'no-restricted-globals': [
    'error',
    { name: 'Date', message: 'The engine runs on virtual time: use the Sim clock.' },
    { name: 'setTimeout', message: 'The engine runs on virtual time: schedule on the Sim.' },
    { name: 'setInterval', message: 'The engine runs on virtual time: schedule on the Sim.' },
    { name: 'requestAnimationFrame', message: 'Real time enters only in the UI playback loop.' },
    { name: 'window', message: 'The engine is pure TypeScript: no DOM.' },
    { name: 'document', message: 'The engine is pure TypeScript: no DOM.' },
    { name: 'performance', message: 'The engine runs on virtual time.' },
  ],
  'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded Rng.' }],
};

/** Outside src/engine, the engine is reached through src/engine/index.ts only, never a file inside it. */
const engineThroughIndex = {
  regex: '(^|/)engine/(?!index(\\.ts)?$).+',
  message: 'Import the engine through src/engine/index.ts, not a file inside it.',
};

const domBans = {
  'no-restricted-globals': [
    'error',
    { name: 'window', message: 'This code runs in Node: no DOM.' },
    { name: 'document', message: 'This code runs in Node: no DOM.' },
    { name: 'navigator', message: 'This code runs in Node: no DOM.' },
    { name: 'localStorage', message: 'This code runs in Node: no DOM.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  {
    // The JSON Schema generator is for the build and the tests: it never ships to the browser.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@valibot/to-json-schema', message: 'Build-time only (scripts/scenarioSchema.ts).' }] },
      ],
    },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      ...engineBans,
      // Every pool method is a generator so that any of them may suspend; some happen not to.
      'require-yield': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand*', 'motion*', '**/store/**', '**/ui/**'],
              message: 'The engine imports only the engine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zustand', message: 'The store is framework-free: engine and zustand/vanilla only.' }],
          patterns: [
            {
              group: ['react', 'react-dom', 'motion*', 'zustand/react', '**/ui/**'],
              message: 'The store is framework-free: engine and zustand/vanilla only.',
            },
            engineThroughIndex,
          ],
        },
      ],
    },
  },
  {
    // What each level teaches: data over the engine's types and values (through its index), read by
    // the store and drawn by the UI — so it imports neither, nor any framework.
    files: ['src/stories/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'zustand*',
                'motion*',
                '**/store/**',
                '**/ui/**',
                '**/workers/**',
              ],
              message: 'Stories are data over the engine: no store, UI or framework.',
            },
            engineThroughIndex,
          ],
        },
      ],
    },
  },
  {
    // The scenario CLI runs in Node: the engine through its index, no DOM, no React.
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: {
      ...domBans,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'zustand*',
                'motion*',
                '**/store/**',
                '**/ui/**',
                '**/workers/**',
              ],
              message: 'The CLI is Node and the engine only.',
            },
            engineThroughIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand*', 'motion*', '**/store/**', '**/ui/**'],
              message: 'The worker runs the engine alone: no React, no store, no UI.',
            },
            { regex: '(^|/)engine/.+$', message: 'The worker reaches the engine through src/engine/index.ts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)engine(/(?!levels/[\\w-]+\\.ts\\?raw$).*)?$',
              allowTypeImports: true,
              message: 'The UI reaches the engine through the store (types and level sources excepted).',
            },
          ],
        },
      ],
    },
  },
);
