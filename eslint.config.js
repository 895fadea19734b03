// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layers } from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'migrations/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are common in coaching text; they are safe here.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  ...layers,
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    // The few plain-JavaScript files (bin, build script) run on Node.
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', URL: 'readonly', console: 'readonly' },
    },
  },
);
