// ESLint flat config: typescript-eslint's recommended rules over our TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'cdk.out/**',
      'forms/dist/**',
      'forms/.astro/**',
      'forms/node_modules/**',
      '.astro/**',
      '.data/**',
      '.tmp/**',
      'out/**',
      'test-results/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  {
    // Config files run in Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { URL: 'readonly', process: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
